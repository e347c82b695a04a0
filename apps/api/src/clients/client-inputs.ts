import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import { cite, COMPLETED_MODULES, INTAKE_STAGES, REGION_KPIS, type CompletedModule, type IntakeStage, type RegionKpi } from '@inburgering/domain';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { ActivePlacementStatusGql, DATE, DeadlineKindGql, DeadlineStatusGql, ExamPartGql, LearnabilityOutcomeGql, LevelGql, RouteGql, TargetGroupGql } from './client.types';

export enum CaseloadSortGql {
  NAME = 'NAME',
  URGENCY = 'URGENCY',
}
registerEnumType(CaseloadSortGql, { name: 'CaseloadSort', description: 'Op naam, of de meest dringende termijn eerst.' });

export const IntakeStageGql = domainEnum(INTAKE_STAGES);
export type IntakeStageGql = IntakeStage;
registerEnumType(IntakeStageGql, { name: 'IntakeStage', description: 'Stand van een plaatsing in de cijfers: aangevraagd, geaccepteerd, gestart (ook beëindigd na de start) of wachtend.' });

export const RegionKpiGql = domainEnum(REGION_KPIS);
export type RegionKpiGql = RegionKpi;
registerEnumType(RegionKpiGql, { name: 'RegionKpi', description: 'Een KPI van de regio (binnen 3 maanden gestart, route binnen 3 jaar, participerend binnen 3 jaar, werk of studie binnen 2 jaar).' });

export const CompletedModuleGql = domainEnum(COMPLETED_MODULES);
export type CompletedModuleGql = CompletedModule;
registerEnumType(CompletedModuleGql, { name: 'CompletedModule', description: 'Een voltooid onderdeel in de cijfers: KNM, MAP, PVT of het eindgesprek van de Z-route.' });

export enum ExamOutcomeGql { PASSED = 'PASSED', FAILED = 'FAILED' }
registerEnumType(ExamOutcomeGql, { name: 'ExamOutcome', description: 'Uitslag van een examenpoging in de cijfers: gehaald of niet gehaald.' });

@InputType()
export class ClientFilterInput {
  @Field(() => RouteGql, { nullable: true }) @IsOptional() @IsIn(Object.values(RouteGql), { message: 'Kies een leerroute.' }) route?: RouteGql | null;

  @Field(() => DeadlineStatusGql, { nullable: true, description: 'Alleen inburgeraars met een termijn in deze status.' })
  @IsOptional() @IsIn(Object.values(DeadlineStatusGql), { message: 'Kies een stand van de termijn.' }) deadlineStatus?: DeadlineStatusGql | null;

  @Field(() => DeadlineKindGql, { nullable: true, description: 'Alleen deze termijn bekijken (met deadlineStatus).' })
  @IsOptional() @IsIn(Object.values(DeadlineKindGql), { message: 'Kies een soort termijn.' }) deadlineKind?: DeadlineKindGql | null;

  @Field(() => ActivePlacementStatusGql, { nullable: true, description: 'Status van de lopende plaatsing; NONE = niet geplaatst.' })
  @IsOptional() @IsIn(Object.values(ActivePlacementStatusGql), { message: 'Kies een stand van de plaatsing.' }) placementStatus?: ActivePlacementStatusGql | null;

  @Field(() => CaseloadSortGql, { nullable: true })
  @IsOptional() @IsIn(Object.values(CaseloadSortGql), { message: 'Kies sorteren op naam of op urgentie.' }) sort?: CaseloadSortGql | null;

  @Field(() => ID, { nullable: true, description: 'Een gedeelde uitvoeringsdienst: alleen de inburgeraars van deze gemeente.' })
  @IsOptional() @IsUUID('all', { message: 'Onbekende gemeente.' }) municipalityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Uit de cijfers: alleen inburgeraars met een plaatsing onder dit contract (met intakeStage en de periode van de cijfers).' })
  @IsOptional() @IsUUID('all', { message: 'Onbekend contract.' }) contractId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Uit de cijfers van een perceel: alleen inburgeraars met een plaatsing onder een contract van dit perceel (met kpi, of met contractId en intakeStage).' })
  @IsOptional() @IsUUID('all', { message: 'Onbekend perceel.' }) lotId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Uit de rij "Zonder perceel (individueel)" van de cijfers: true = alleen inburgeraars met een individuele plaatsing (buiten een perceel, zonder contract) die het cijfer telt, in plaats van contractId of lotId (met intakeStage of een ander cijfer en de periode van de cijfers).' })
  @IsOptional() @IsBoolean({ message: 'Kies ja of nee.' }) individual?: boolean | null;

  @Field(() => IntakeStageGql, { nullable: true, description: 'Uit de cijfers: de stand van die plaatsing, zoals de cijfers haar tellen.' })
  @IsOptional() @IsIn(Object.values(IntakeStageGql), { message: 'Kies een fase van de intake.' }) intakeStage?: IntakeStageGql | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Uit de cijfers: de plaatsing is in deze periode aangevraagd (eerste dag).' })
  @IsOptional() periodFrom?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Uit de cijfers: laatste dag van de periode (inbegrepen).' })
  @IsOptional() periodTo?: string | null;

  @Field(() => RegionKpiGql, { nullable: true, description: 'Uit de KPI\'s: alleen de eigen inburgeraars in het cohort van deze KPI, onder contractId, onder de contracten van lotId of anders onder alle contracten van de regio (geen periode: een KPI telt over zijn eigen cohort).' })
  @IsOptional() @IsIn(Object.values(RegionKpiGql), { message: 'Kies een kengetal.' }) kpi?: RegionKpiGql | null;

  @Field(() => Boolean, { nullable: true, description: 'Met kpi: true = alleen wie de KPI gehaald heeft; leeg of false = het hele cohort.' })
  @IsOptional() @IsBoolean() kpiAchieved?: boolean | null;

  @Field(() => CompletedModuleGql, { nullable: true, description: 'Uit de resultaatcijfers: alleen de eigen inburgeraars die dit onderdeel voltooiden (met een resultaat onder contractId, onder de contracten van lotId of anders onder alle contracten van de regio; met een periode: het resultaat in die periode).' })
  @IsOptional() @IsIn(Object.values(CompletedModuleGql), { message: 'Kies KNM, MAP, PVT of het eindgesprek van de Z-route.' }) completed?: CompletedModuleGql | null;

  @Field(() => Boolean, { nullable: true, description: 'Uit de urencijfers (gevolgde uren, aanwezigheid): true = alleen de eigen inburgeraars over wie ze gaan, met geplande of gevolgde uren onder contractId, onder de contracten van lotId of anders onder alle contracten van de regio; met een periode: lesdagen in die periode.' })
  @IsOptional() @IsBoolean({ message: 'Kies ja of nee.' }) withHours?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Uit de mediane wachttijd (dagen PIP tot start): true = alleen de eigen inburgeraars over wie ze gaat, gestart op of na het getekende PIP onder contractId, onder de contracten van lotId of anders onder alle contracten van de regio; met een periode: gestart in die periode.' })
  @IsOptional() @IsBoolean({ message: 'Kies ja of nee.' }) waitCohort?: boolean | null;

  @Field(() => ExamPartGql, { nullable: true, description: 'Uit de examencijfers (met examLevel en examOutcome): alleen de eigen inburgeraars met een examenpoging van dit onderdeel, op dat niveau en met die uitslag, onder contractId, onder de contracten van lotId of anders onder alle contracten van de regio; met een periode: de uitslag in die periode. Het cijfer telt pogingen, de lijst elke inburgeraar een keer.' })
  @IsOptional() @IsIn(Object.values(ExamPartGql), { message: 'Kies een examenonderdeel (lezen, luisteren, schrijven, spreken of KNM).' }) examPart?: ExamPartGql | null;

  @Field(() => LevelGql, { nullable: true, description: 'Met examPart: het niveau van de examenpoging.' })
  @IsOptional() @IsIn(Object.values(LevelGql), { message: 'Kies het niveau van het examen.' }) examLevel?: LevelGql | null;

  @Field(() => ExamOutcomeGql, { nullable: true, description: 'Met examPart: gehaalde of niet gehaalde pogingen.' })
  @IsOptional() @IsIn(Object.values(ExamOutcomeGql), { message: 'Kies gehaald of niet gehaald.' }) examOutcome?: ExamOutcomeGql | null;
}

@InputType()
export class UpdateClientInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende inburgeraar.' }) clientId!: string;

  @Field() @IsFilledText({ message: 'Vul de voornaam in.' }) @IsSingleLineText() @MaxLength(100, { message: 'De voornaam is te lang (maximaal 100 tekens).' })
  firstName!: string;

  @Field() @IsFilledText({ message: 'Vul de achternaam in.' }) @IsSingleLineText() @MaxLength(100, { message: 'De achternaam is te lang (maximaal 100 tekens).' })
  lastName!: string;

  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige geboortedatum in.' }) dateOfBirth!: string;

  @Field(() => TargetGroupGql) @IsIn(Object.values(TargetGroupGql), { message: 'Kies een doelgroep.' }) targetGroup!: TargetGroupGql;

  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de datum van inschrijving in de BRP in.' }) brpRegistrationDate!: string;

  @Field(() => LearnabilityOutcomeGql) @IsIn(Object.values(LearnabilityOutcomeGql), { message: 'Kies de uitkomst van de leerbaarheidstoets.' })
  learnabilityOutcome!: LearnabilityOutcomeGql;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'De score is een heel getal.' }) learnabilityScore?: number | null;

  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige intakedatum in.' })
  intakeCompletedOn?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000, { message: 'De intakenotities zijn te lang (maximaal 5000 tekens).' })
  intakeNotes?: string | null;
}

@InputType()
export class SetPipInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende inburgeraar.' }) clientId!: string;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de datum van ondertekening van het PIP in.' }) pipSignedOn!: string;
  @Field(() => RouteGql) @IsIn(Object.values(RouteGql), { message: 'Kies een leerroute.' }) route!: RouteGql;
  @Field(() => LevelGql) @IsIn(Object.values(LevelGql), { message: 'Kies een taalniveau.' }) level!: LevelGql;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'Vul het aantal minuten per week in als heel getal.' })
  pipMinutesPerWeek?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLineText() @MaxLength(200, { message: 'Het lespatroon is te lang (maximaal 200 tekens).' })
  pipLessonPattern?: string | null;
}

@InputType()
export class SwitchRouteInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende inburgeraar.' }) clientId!: string;
  @Field(() => RouteGql) @IsIn(Object.values(RouteGql), { message: 'Kies de nieuwe leerroute.' }) toRoute!: RouteGql;
  @Field(() => LevelGql) @IsIn(Object.values(LevelGql), { message: 'Kies het taalniveau van de nieuwe route.' }) toLevel!: LevelGql;
  @Field({ description: `De schriftelijke reden voor de routewissel (${cite('ROUTE_SWITCH')}).` })
  @MaxLength(2000, { message: 'De reden is te lang (maximaal 2000 tekens).' })
  reason!: string;
}

@InputType()
export class MoveClientInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende inburgeraar.' }) clientId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Kies de nieuwe gemeente.' }) toMunicipalityId!: string;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de verhuisdatum in.' }) movedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, { message: 'De toelichting is te lang (maximaal 2000 tekens).' })
  note?: string | null;
}
