import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { RouteGql } from '../clients';
import { IsSingleLineText } from '../common';
import { ABSENCE_REASONS, HOUR_CATEGORIES, HOUR_PERIOD_STATUSES } from '@inburgering/domain';
import { CalendarDateScalar, domainEnum } from '../graphql';

export const HourCategoryGql = domainEnum(HOUR_CATEGORIES);
export type HourCategoryGql = (typeof HOUR_CATEGORIES)[number];
registerEnumType(HourCategoryGql, { name: 'HourCategory', description: 'Soort uren: taal, KNM, MAP, PVT, participatie, alfabetisering of overige vakken (Onderwijsroute).' });

export const AbsenceReasonGql = domainEnum(ABSENCE_REASONS);
export type AbsenceReasonGql = (typeof ABSENCE_REASONS)[number];
registerEnumType(AbsenceReasonGql, { name: 'AbsenceReason', description: 'Ziek, geoorloofd of ongeoorloofd afwezig.' });

export const HourPeriodStatusGql = domainEnum(HOUR_PERIOD_STATUSES);
export type HourPeriodStatusGql = (typeof HOUR_PERIOD_STATUSES)[number];
registerEnumType(HourPeriodStatusGql, { name: 'HourPeriodStatus', description: 'Open, ingediend door de aanbieder of goedgekeurd door de gemeente.' });

@ObjectType('HourEntry')
export class HourEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) placementId!: string;
  @Field(() => CalendarDateScalar) date!: string;
  @Field(() => HourCategoryGql) category!: HourCategoryGql;
  @Field(() => Int, { description: 'Geplande minuten.' }) plannedMinutes!: number;
  @Field(() => Int, { description: 'Aanwezige minuten.' }) attendedMinutes!: number;
  @Field(() => AbsenceReasonGql, { nullable: true }) absenceReason!: AbsenceReasonGql | null;
  @Field(() => Int, { description: '0 = oorspronkelijke registratie; een correctie krijgt een hoger nummer.' }) revision!: number;
  @Field(() => ID, { nullable: true, description: 'De registratie die deze correctie corrigeert.' }) correctsEntryId!: string | null;
  @Field(() => String, { nullable: true }) correctionReason!: string | null;
  @Field(() => Int, { description: 'Versie voor het automatisch opslaan: geef hem mee bij een wijziging.' }) version!: number;
  @Field({ description: 'Ingevoerd via een importbestand.' }) imported!: boolean;
  @Field(() => String, { nullable: true, description: 'PRESENCE_LIST: uit een afgesloten presentielijst; niet te wijzigen in het urenrooster (corrigeer via de lijst).' })
  source!: string | null;
  @Field() enteredAt!: Date;
}

@ObjectType('HourGridRow')
export class HourGridRowType {
  @Field(() => ID) placementId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => Int, { description: 'Klantnummer binnen de gemeente.' }) clientNumber!: number;
  @Field() clientName!: string;
  @Field(() => ID) municipalityId!: string;
  @Field() municipalityName!: string;
  @Field(() => String, { nullable: true }) groupName!: string | null;
  @Field(() => RouteGql) route!: RouteGql;
  @Field(() => CalendarDateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => CalendarDateScalar, { nullable: true }) endedOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Lesuren per week volgens het PIP, in minuten.' }) pipMinutesPerWeek!: number | null;
  @Field(() => [CalendarDateScalar], { description: 'Dagen van deze week in een ingediende of goedgekeurde maand: niet meer te wijzigen.' }) lockedDates!: string[];
  @Field(() => [HourEntryType], { description: 'De huidige registraties (hoogste revisie) van deze week.' }) entries!: HourEntryType[];
}

@ObjectType('HourWeek')
export class HourWeekType {
  @Field(() => CalendarDateScalar) weekStart!: string;
  @Field(() => [CalendarDateScalar], { description: 'Maandag tot en met vrijdag.' }) days!: string[];
  @Field(() => [String], { description: 'De groepen van de aanbieder met plaatsingen in deze week.' }) groups!: string[];
  @Field(() => Int, { description: 'Het aantal inburgeraars (plaatsingen) in deze week en groep, over alle pagina\'s.' }) total!: number;
  @Field(() => Int, { description: 'De positie van de eerste rij van deze pagina.' }) offset!: number;
  @Field(() => Int, { description: 'Het gevraagde aantal rijen per pagina.' }) limit!: number;
  @Field(() => [HourGridRowType], { description: 'Eén pagina rijen, op groep en naam.' }) rows!: HourGridRowType[];
}

@InputType()
export class HourCellInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
  @Field(() => CalendarDateScalar) @IsString() date!: string;
  @Field(() => HourCategoryGql) @IsIn(Object.values(HourCategoryGql), { message: 'Onbekende soort uren.' }) category!: HourCategoryGql;
  @Field(() => Int) @IsInt({ message: 'Vul hele minuten in.' }) @Min(0, { message: 'Vul 0 of meer uren in.' }) @Max(1440, { message: 'Op één dag kunnen niet meer dan 24 uur worden geregistreerd.' }) plannedMinutes!: number;
  @Field(() => Int) @IsInt({ message: 'Vul hele minuten in.' }) @Min(0, { message: 'Vul 0 of meer uren in.' }) @Max(1440, { message: 'Op één dag kunnen niet meer dan 24 uur worden geregistreerd.' }) attendedMinutes!: number;
  @Field(() => AbsenceReasonGql, { nullable: true }) @IsOptional() @IsIn(Object.values(AbsenceReasonGql), { message: 'Onbekende reden van afwezigheid.' }) absenceReason?: AbsenceReasonGql | null;
  @Field(() => Int, { nullable: true, description: 'De versie die u zag; leeg voor een nieuwe registratie. 0 gepland en 0 aanwezig wist de registratie.' })
  @IsOptional() @IsInt() version?: number | null;
}

@InputType()
export class SaveHourEntriesInput {
  @Field(() => [HourCellInput]) @ValidateNested({ each: true }) @Type(() => HourCellInput) @ArrayMaxSize(500, { message: 'Sla maximaal 500 cellen tegelijk op.' }) cells!: HourCellInput[];
}

@ObjectType('SaveHourEntriesResult')
export class SaveHourEntriesResultType {
  @Field(() => [HourEntryType], { description: 'De opgeslagen registraties met hun nieuwe versie.' }) saved!: HourEntryType[];
  @Field(() => Int, { description: 'Aantal gewiste registraties.' }) deleted!: number;
}

@InputType()
export class CopyPreviousWeekInput {
  @Field(() => CalendarDateScalar, { description: 'Een dag in de week waarin gekopieerd wordt.' }) @IsString() weekStart!: string;
  @Field(() => HourCategoryGql) @IsIn(Object.values(HourCategoryGql), { message: 'Onbekende soort uren.' }) category!: HourCategoryGql;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @IsSingleLineText() @MaxLength(200, { message: 'De groepsnaam is te lang (maximaal 200 tekens).' }) groupName?: string | null;
}

@InputType()
export class CorrectHourEntryInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende registratie.' }) entryId!: string;
  @Field(() => Int) @IsInt({ message: 'Vul hele minuten in.' }) @Min(0, { message: 'Vul 0 of meer uren in.' }) @Max(1440, { message: 'Op één dag kunnen niet meer dan 24 uur worden geregistreerd.' }) plannedMinutes!: number;
  @Field(() => Int) @IsInt({ message: 'Vul hele minuten in.' }) @Min(0, { message: 'Vul 0 of meer uren in.' }) @Max(1440, { message: 'Op één dag kunnen niet meer dan 24 uur worden geregistreerd.' }) attendedMinutes!: number;
  @Field(() => AbsenceReasonGql, { nullable: true }) @IsOptional() @IsIn(Object.values(AbsenceReasonGql), { message: 'Onbekende reden van afwezigheid.' }) absenceReason?: AbsenceReasonGql | null;
  @Field({ description: 'Waarom de goedgekeurde uren worden gecorrigeerd.' }) @IsString() @MaxLength(1000, { message: 'De reden is te lang (maximaal 1000 tekens).' }) reason!: string;
}

@ObjectType('HourPeriod')
export class HourPeriodType {
  @Field(() => ID, { nullable: true, description: 'Leeg zolang de maand nooit is ingediend.' }) id!: string | null;
  @Field(() => CalendarDateScalar, { description: 'De eerste dag van de maand.' }) month!: string;
  @Field(() => ID) providerId!: string;
  @Field() providerName!: string;
  @Field(() => ID) municipalityId!: string;
  @Field() municipalityName!: string;
  @Field(() => HourPeriodStatusGql) status!: HourPeriodStatusGql;
  @Field(() => Int) plannedMinutes!: number;
  @Field(() => Int) attendedMinutes!: number;
  @Field(() => Int) entryCount!: number;
  @Field(() => Int, { description: 'Aantal correcties na goedkeuring.' }) correctionCount!: number;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
}

@ObjectType('HourPeriodPage')
export class HourPeriodPageType {
  @Field(() => Int, { description: 'Het aantal urenmaanden dat aan het filter voldoet, over alle pagina\'s.' }) total!: number;
  @Field(() => [HourPeriodType]) items!: HourPeriodType[];
}

@InputType()
export class SubmitHourPeriodInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende gemeente.' }) municipalityId!: string;
  @Field(() => CalendarDateScalar, { description: 'Een dag in de maand.' }) @IsString() month!: string;
}

@InputType()
export class RejectHourPeriodInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende periode.' }) periodId!: string;
  @Field() @IsString() @MaxLength(1000, { message: 'De reden is te lang (maximaal 1000 tekens).' }) reason!: string;
}
