import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, Max, Min, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import { CompletedModuleGql, DATE, ExamOutcomeGql, ExamPartGql, IntakeStageGql, LevelGql } from '../clients';
import { CalendarDateScalar } from '../graphql';
import { PlacementEndReasonGql, PlacementStatusGql } from './placement.types';

@InputType()
export class RequestPlacementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende inburgeraar.' }) clientId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Kies een perceel.' }) lotId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Kies een aanbieder.' }) providerId!: string;
  @Field(() => ID, { nullable: true, description: 'Leeg: het eerste instroommoment met een vrije plaats, of de wachtlijst.' })
  @IsOptional() @IsUUID('all', { message: 'Kies een instroommoment.' }) startMomentId?: string | null;
  @Field({ description: 'Unieke sleutel van het formulier: een herhaalde verzending meldt maar één keer aan.' })
  @MinLength(8, { message: 'Ongeldige verzendsleutel.' }) @MaxLength(100, { message: 'Ongeldige verzendsleutel.' })
  idempotencyKey!: string;
}

@InputType({ description: 'Individueel plaatsen bij een onderwijsinstelling, buiten een perceel, met een eigen prijs en periode (Onderwijsroute zonder perceel).' })
export class RequestIndividualPlacementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende inburgeraar.' }) clientId!: string;
  @Field(() => ID, { description: 'De onderwijsinstelling (een aanbieder van de regio).' }) @IsUUID('all', { message: 'Kies een onderwijsinstelling.' }) providerId!: string;
  @Field(() => Int, { description: 'Afgesproken prijs voor deze inburgeraar in eurocent.' })
  @IsInt({ message: 'Vul de afgesproken prijs in.' }) @Min(1, { message: 'Vul de afgesproken prijs in (meer dan € 0).' }) @Max(10_000_000, { message: 'De prijs is te hoog (hoogstens € 100.000).' })
  priceCents!: number;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de begindatum in.' }) startsOn!: string;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de einddatum in.' }) endsOn!: string;
  @Field({ description: 'Unieke sleutel van het formulier: een herhaalde verzending meldt maar één keer aan.' })
  @MinLength(8, { message: 'Ongeldige verzendsleutel.' }) @MaxLength(100, { message: 'Ongeldige verzendsleutel.' })
  idempotencyKey!: string;
}

@InputType({ description: 'Plaats een inburgeraar in de instroomklas tot de route start (beleidsplan Oss §2.10).' })
export class PlaceInInstroomklasInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende inburgeraar.' }) clientId!: string;
  @Field(() => ID, { description: 'De aanbieder die de instroomklas geeft.' }) @IsUUID('all', { message: 'Kies de aanbieder van de instroomklas.' }) providerId!: string;
  @Field(() => CalendarDateScalar, { description: 'Eerste dag in de instroomklas.' }) @Matches(DATE, { message: 'Vul de begindatum in de instroomklas in.' }) startsOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLineText() @MaxLength(200, { message: 'De locatie is te lang (maximaal 200 tekens).' }) location?: string | null;
  @Field({ description: 'Unieke sleutel van het formulier: een herhaalde verzending plaatst maar één keer.' })
  @MinLength(8, { message: 'Ongeldige verzendsleutel.' }) @MaxLength(100, { message: 'Ongeldige verzendsleutel.' })
  idempotencyKey!: string;
}

@InputType()
export class AcceptPlacementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => ID, { nullable: true, description: 'Leeg: het instroommoment van de aanmelding.' })
  @IsOptional() @IsUUID('all', { message: 'Kies een instroommoment.' }) startMomentId?: string | null;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de startdatum in.' }) startDate!: string;
  @Field() @IsFilledText({ message: 'Vul de leslocatie in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De locatie is te lang (maximaal 200 tekens).' }) location!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLineText() @MaxLength(100, { message: 'De groepsnaam is te lang (maximaal 100 tekens).' })
  groupName?: string | null;
}

@InputType()
export class RejectPlacementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field() @MaxLength(1000, { message: 'De reden is te lang (maximaal 1000 tekens).' }) reason!: string;
}

@InputType()
export class PlacementChangeInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, { message: 'De toelichting is te lang (maximaal 1000 tekens).' })
  note?: string | null;
}

@InputType()
export class EndPlacementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => PlacementEndReasonGql) @IsIn(Object.values(PlacementEndReasonGql), { message: 'Kies de reden van beëindiging.' }) endReason!: PlacementEndReasonGql;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de einddatum in.' }) endedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000, { message: 'De toelichting is te lang (maximaal 1000 tekens).' })
  note?: string | null;
}

@InputType()
export class ProviderPlacementFilterInput {
  @Field(() => [PlacementStatusGql], { nullable: true, description: 'Leeg: aangemeld, geaccepteerd en gestart.' })
  @IsOptional() @IsIn(Object.values(PlacementStatusGql), { each: true, message: 'Kies een stand van de plaatsing.' }) statuses?: PlacementStatusGql[] | null;
  @Field(() => String, { nullable: true, description: 'Naam (zoals de lijst hem toont), klantnummer of groep van de plaatsing.' })
  @IsOptional() @IsString() @MaxLength(100, { message: 'Zoek op hoogstens 100 tekens.' }) search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Uit de cijfers: alleen de plaatsingen onder dit eigen contract (met intakeStage of completed en de periode van de cijfers); leeg: onder elk eigen contract.' })
  @IsOptional() @IsUUID('all', { message: 'Onbekend contract.' }) contractId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Uit de cijfers van een perceel: alleen de plaatsingen onder een eigen contract van dit perceel (met contractId: dat contract, als het op het perceel ligt).' })
  @IsOptional() @IsUUID('all', { message: 'Onbekend perceel.' }) lotId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Uit de rij "Zonder perceel (individueel)" van de cijfers: true = alleen de eigen individuele plaatsingen (buiten een perceel, zonder contract) die het cijfer telt, in plaats van contractId of lotId.' })
  @IsOptional() @IsBoolean({ message: 'Kies ja of nee.' }) individual?: boolean | null;

  @Field(() => IntakeStageGql, { nullable: true, description: 'Uit de cijfers: de stand van de plaatsingen zoals de cijfers ze tellen (aangevraagd, geaccepteerd of gestart; wachtende zijn niet aangeboden).' })
  @IsOptional() @IsIn(Object.values(IntakeStageGql), { message: 'Kies een fase van de intake.' }) intakeStage?: IntakeStageGql | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Uit de cijfers: de plaatsing is in deze periode aangevraagd (eerste dag); met completed: het resultaat is in deze periode behaald.' })
  @IsOptional() periodFrom?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Uit de cijfers: laatste dag van de periode (inbegrepen).' })
  @IsOptional() periodTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'Alleen de plaatsingen van inburgeraars van deze gemeente (een rij van de cijfers per gemeente).' })
  @IsOptional() @IsUUID('all', { message: 'Onbekende gemeente.' }) municipalityId?: string | null;

  @Field(() => CompletedModuleGql, { nullable: true, description: 'Uit de resultaatcijfers: alleen de inburgeraars die dit onderdeel voltooiden met een resultaat onder contractId (leeg: onder elk eigen contract of een eigen individuele plaatsing), met een periode: het resultaat in die periode. Eén rij per inburgeraar: de plaatsing van het laatste resultaat.' })
  @IsOptional() @IsIn(Object.values(CompletedModuleGql), { message: 'Kies KNM, MAP, PVT of het eindgesprek van de Z-route.' }) completed?: CompletedModuleGql | null;

  @Field(() => Boolean, { nullable: true, description: 'Uit de urencijfers (gevolgde uren, aanwezigheid): true = alleen de inburgeraars over wie ze gaan, met geplande of gevolgde uren onder contractId (leeg: onder elk eigen contract of een eigen individuele plaatsing), met een periode: lesdagen in die periode. Eén rij per inburgeraar: de plaatsing van de laatste lesdag.' })
  @IsOptional() @IsBoolean({ message: 'Kies ja of nee.' }) withHours?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Uit de mediane wachttijd (dagen PIP tot start): true = alleen de inburgeraars over wie ze gaat, gestart op of na het getekende PIP onder contractId (leeg: onder elk eigen contract of een eigen individuele plaatsing), met een periode: gestart in die periode. Eén rij per inburgeraar: de laatst gestarte plaatsing.' })
  @IsOptional() @IsBoolean({ message: 'Kies ja of nee.' }) waitCohort?: boolean | null;

  @Field(() => ExamPartGql, { nullable: true, description: 'Uit de examencijfers (met examLevel en examOutcome): alleen de inburgeraars met een examenpoging van dit onderdeel, op dat niveau en met die uitslag, binnen een plaatsing onder contractId (leeg: onder elk eigen contract of een eigen individuele plaatsing); met een periode: de uitslag in die periode. Het cijfer telt pogingen, de lijst elke inburgeraar een keer: de plaatsing van de laatste poging.' })
  @IsOptional() @IsIn(Object.values(ExamPartGql), { message: 'Kies een examenonderdeel (lezen, luisteren, schrijven, spreken of KNM).' }) examPart?: ExamPartGql | null;

  @Field(() => LevelGql, { nullable: true, description: 'Met examPart: het niveau van de examenpoging.' })
  @IsOptional() @IsIn(Object.values(LevelGql), { message: 'Kies het niveau van het examen.' }) examLevel?: LevelGql | null;

  @Field(() => ExamOutcomeGql, { nullable: true, description: 'Met examPart: gehaalde of niet gehaalde pogingen.' })
  @IsOptional() @IsIn(Object.values(ExamOutcomeGql), { message: 'Kies gehaald of niet gehaald.' }) examOutcome?: ExamOutcomeGql | null;
}
