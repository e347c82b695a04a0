import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MAP_THEMES, RESULT_KINDS } from '@inburgering/domain';
import { ExamPartGql, LevelGql, RouteGql } from '../clients';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { HourCategoryGql } from '../hours';
import { PlacementKindGql } from '../placements';

export const ResultKindGql = domainEnum(RESULT_KINDS);
export type ResultKindGql = (typeof RESULT_KINDS)[number];
registerEnumType(ResultKindGql, { name: 'ResultKind', description: 'KNM, MAP, PVT, examenonderdeel, taalschakeltraject of eindgesprek Z-route.' });

export { ExamPartGql };

@ObjectType('IntegrationResult')
export class IntegrationResultType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { nullable: true }) placementId!: string | null;
  @Field(() => ResultKindGql) kind!: ResultKindGql;
  @Field(() => ExamPartGql, { nullable: true }) examPart!: ExamPartGql | null;
  @Field(() => LevelGql, { nullable: true }) level!: LevelGql | null;
  @Field(() => Int, { nullable: true }) attempt!: number | null;
  @Field(() => Boolean, { nullable: true }) passed!: boolean | null;
  @Field(() => CalendarDateScalar) resultDate!: string;
  @Field(() => [String], { description: 'MAP: de behandelde thema\'s.' }) mapThemes!: string[];
  @Field(() => Int, { nullable: true, description: 'MAP: langste praktijkactiviteit; PVT: duur; in minuten.' }) minutes!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'PVT: excursie of activiteit gedaan.' }) excursionDone!: boolean | null;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'MAP/Z-route: eindgesprek; PVT: ondertekening.' }) milestoneDate!: string | null;
  @Field(() => String, { nullable: true }) providerName!: string | null;
  @Field() recordedAt!: Date;
}

@InputType()
export class RecordResultInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() clientId!: string;
  @Field(() => ID, { nullable: true, description: 'De plaatsing waarbinnen het resultaat is behaald (verplicht voor een aanbieder).' })
  @IsOptional() @IsString() placementId?: string | null;
  @Field(() => ResultKindGql) @IsIn(Object.values(ResultKindGql), { message: 'Kies het soort resultaat.' }) kind!: ResultKindGql;
  @Field(() => ExamPartGql, { nullable: true }) @IsOptional() @IsIn(Object.values(ExamPartGql), { message: 'Kies een examenonderdeel (lezen, luisteren, schrijven, spreken of KNM).' }) examPart?: ExamPartGql | null;
  @Field(() => LevelGql, { nullable: true }) @IsOptional() @IsIn(Object.values(LevelGql), { message: 'Kies het taalniveau.' }) level?: LevelGql | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'De poging is een geheel getal.' }) @Min(1, { message: 'De poging is 1 of meer.' }) @Max(10, { message: 'De poging is hoogstens 10.' }) attempt?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() passed?: boolean | null;
  @Field(() => CalendarDateScalar, { description: 'Datum van het resultaat.' }) @IsString() resultDate!: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsIn([...MAP_THEMES], { each: true, message: 'Onbekend MAP-thema.' }) mapThemes?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'MAP: langste praktijkactiviteit; PVT: duur; in minuten.' })
  @IsOptional() @IsInt() @Min(0, { message: 'Vul 0 of meer minuten in.' }) @Max(100_000, { message: 'Vul hoogstens 100.000 minuten in.' }) minutes?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() excursionDone?: boolean | null;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'MAP/Z-route: eindgesprek; PVT: ondertekening.' }) @IsOptional() @IsString() milestoneDate?: string | null;
  @Field({ description: 'Eén sleutel per invoer: opnieuw versturen legt het resultaat niet twee keer vast.' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'Ongeldige idempotentiesleutel.' }) idempotencyKey!: string;
}

@ObjectType('HourNorm')
export class HourNormType {
  @Field({ description: 'Z_COURSE, Z_PARTICIPATION, A2_THRESHOLD of PIP_PLANNED.' }) code!: string;
  @Field() label!: string;
  @Field(() => Int) requiredMinutes!: number;
  @Field(() => Int) achievedMinutes!: number;
  @Field(() => Int) percent!: number;
  @Field() met!: boolean;
}

@ObjectType('CategoryMinutes')
export class CategoryMinutesType {
  @Field(() => HourCategoryGql) category!: HourCategoryGql;
  @Field(() => Int) plannedMinutes!: number;
  @Field(() => Int) attendedMinutes!: number;
}

@ObjectType('PlacementProgress')
export class PlacementProgressType {
  @Field(() => ID) placementId!: string;
  @Field() providerName!: string;
  @Field(() => PlacementKindGql, { description: 'INSTROOMKLAS: uren apart, niet meegeteld in de urennormen van de route.' }) kind!: PlacementKindGql;
  @Field() status!: string;
  @Field(() => CalendarDateScalar, { nullable: true }) startDate!: string | null;
  @Field(() => Int) plannedMinutes!: number;
  @Field(() => Int) attendedMinutes!: number;
  @Field(() => Number, { nullable: true }) attendancePercent!: number | null;
  @Field(() => [CategoryMinutesType]) categories!: CategoryMinutesType[];
}

@ObjectType('WaitingTime', { description: 'Wachttijd tot de route start, met de dagen in de instroomklas.' })
export class WaitingTimeType {
  @Field(() => Int, { nullable: true, description: 'Dagen van het PIP tot de start van de route (of tot vandaag).' }) daysFromPip!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dagen van de eerste aanmelding voor de route tot de start (of tot vandaag).' }) daysFromRequest!: number | null;
  @Field(() => Int, { description: 'Daarvan in de instroomklas.' }) instroomklasDays!: number;
  @Field() routeStarted!: boolean;
  @Field(() => CalendarDateScalar, { nullable: true }) routeStartedOn!: string | null;
}

@ObjectType('ClientProgress')
export class ClientProgressType {
  @Field(() => ID) clientId!: string;
  @Field(() => Int) clientNumber!: number;
  @Field() clientName!: string;
  @Field(() => RouteGql, { nullable: true }) route!: RouteGql | null;
  @Field(() => Int) languageMinutes!: number;
  @Field(() => Int) courseMinutes!: number;
  @Field(() => Int) participationMinutes!: number;
  @Field(() => Int) plannedMinutes!: number;
  @Field(() => Int) attendedMinutes!: number;
  @Field(() => Number, { nullable: true, description: 'Aanwezig tegen gepland, in procenten.' }) attendancePercent!: number | null;
  @Field(() => [HourNormType], { description: 'De urennormen van de route, zonder de uren van de instroomklas.' }) norms!: HourNormType[];
  @Field(() => Int, { description: 'Geplande uren in de instroomklas (minuten), apart van de route.' }) instroomklasPlannedMinutes!: number;
  @Field(() => Int, { description: 'Aanwezige uren in de instroomklas (minuten), apart van de route.' }) instroomklasAttendedMinutes!: number;
  @Field(() => WaitingTimeType, { nullable: true, description: 'Alleen voor de gemeente.' }) waiting!: WaitingTimeType | null;
  @Field(() => [PlacementProgressType]) placements!: PlacementProgressType[];
  @Field(() => [IntegrationResultType]) results!: IntegrationResultType[];
}

