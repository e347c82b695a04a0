import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import {
  CLIENT_PLACEMENT_STATES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  EXAM_PARTS,
  LEARNABILITY_OUTCOMES,
  LEVELS,
  ROUTES,
  TARGET_GROUPS,
  cite,
  type ClientPlacementState,
} from '@inburgering/domain';
import { CalendarDateScalar, domainEnum } from '../graphql';

export const TargetGroupGql = domainEnum(TARGET_GROUPS);
export type TargetGroupGql = (typeof TARGET_GROUPS)[number];
registerEnumType(TargetGroupGql, { name: 'TargetGroup', description: 'Statushouder, gezinsmigrant of overig.' });

export const RouteGql = domainEnum(ROUTES);
export type RouteGql = (typeof ROUTES)[number];
registerEnumType(RouteGql, { name: 'Route', description: 'De leerroute uit het PIP.' });

export const LevelGql = domainEnum(LEVELS);
export type LevelGql = (typeof LEVELS)[number];
registerEnumType(LevelGql, { name: 'Level', description: 'Het taalniveau uit het PIP.' });

/** Registered here (not in results/) so the caseload's exam-part filter can use it: results/ imports clients/, not the other way round. */
export const ExamPartGql = domainEnum(EXAM_PARTS);
export type ExamPartGql = (typeof EXAM_PARTS)[number];
registerEnumType(ExamPartGql, { name: 'ExamPart', description: 'Examenonderdeel.' });

export const DeadlineStatusGql = domainEnum(DEADLINE_STATUSES);
export type DeadlineStatusGql = (typeof DEADLINE_STATUSES)[number];
registerEnumType(DeadlineStatusGql, { name: 'DeadlineStatus', description: 'Op tijd, binnenkort, verlopen of gehaald.' });

export const DeadlineKindGql = domainEnum(DEADLINE_KINDS);
export type DeadlineKindGql = (typeof DEADLINE_KINDS)[number];
registerEnumType(DeadlineKindGql, { name: 'DeadlineKind', description: 'PIP, inburgeringstermijn, routewissel, MAP of PVT.' });

export const LearnabilityOutcomeGql = domainEnum(LEARNABILITY_OUTCOMES);
export type LearnabilityOutcomeGql = (typeof LEARNABILITY_OUTCOMES)[number];
registerEnumType(LearnabilityOutcomeGql, { name: 'LearnabilityOutcome', description: 'Uitkomst van de leerbaarheidstoets (alleen voor de gemeente).' });

export const ActivePlacementStatusGql = domainEnum(CLIENT_PLACEMENT_STATES);
export type ActivePlacementStatusGql = ClientPlacementState;
registerEnumType(ActivePlacementStatusGql, { name: 'ActivePlacementStatus', description: 'De lopende plaatsing van een inburgeraar, of NONE.' });

@ObjectType('Deadline')
export class DeadlineType {
  @Field(() => CalendarDateScalar) deadline!: string;
  @Field(() => DeadlineStatusGql) status!: DeadlineStatusGql;
}

@ObjectType('KindedDeadline')
export class KindedDeadlineType {
  @Field(() => DeadlineKindGql) kind!: DeadlineKindGql;
  @Field(() => CalendarDateScalar) deadline!: string;
  @Field(() => DeadlineStatusGql) status!: DeadlineStatusGql;
}

@ObjectType('ClientDeadlines')
export class ClientDeadlinesType {
  @Field(() => DeadlineType, { description: 'PIP binnen 10 weken na inschrijving in de BRP.' }) pip!: DeadlineType;
  @Field(() => DeadlineType, { nullable: true, description: 'Einde van de inburgeringstermijn (3 jaar).' }) integrationTerm!: DeadlineType | null;
  @Field(() => DeadlineType, { nullable: true }) map!: DeadlineType | null;
  @Field(() => DeadlineType, { nullable: true }) pvt!: DeadlineType | null;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Laatste dag waarop een routewissel mag (18 maanden na het PIP).' })
  routeSwitchWindowEnd!: string | null;
  @Field(() => DeadlineType, { nullable: true, description: 'Termijn voor een routewissel; OVERDUE betekent dat wisselen niet meer mag.' })
  routeSwitch!: DeadlineType | null;
  @Field(() => KindedDeadlineType, { nullable: true, description: 'De termijn die als eerste aandacht vraagt.' })
  mostUrgent!: KindedDeadlineType | null;
}

/** A client as the own municipality sees it. Providers never get this type: it carries the (masked) BSN. */
@ObjectType('Client')
export class ClientType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Klantnummer binnen de gemeente.' }) clientNumber!: number;
  @Field(() => ID, { description: 'De gemeente waartoe de inburgeraar hoort.' }) municipalityId!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => CalendarDateScalar) dateOfBirth!: string;
  @Field(() => TargetGroupGql) targetGroup!: TargetGroupGql;
  @Field(() => CalendarDateScalar) brpRegistrationDate!: string;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Datum van het huidige (laatst vastgestelde) PIP.' }) pipSignedOn!: string | null;
  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: `Datum van het eerste PIP: de inburgeringstermijn en de termijn voor een routewissel lopen daarvanaf (${cite('TERM_START_FIXED')}).`,
  })
  firstPipSignedOn!: string | null;
  @Field(() => RouteGql, { nullable: true }) route!: RouteGql | null;
  @Field(() => LevelGql, { nullable: true }) level!: LevelGql | null;
  @Field({ description: 'BSN gemaskeerd; tonen kan alleen via revealBsn (wordt gelogd).' }) bsnMasked!: string;
  @Field(() => String, { nullable: true, description: 'Datum waarop naam, BSN en geboortedatum zijn verwijderd (bewaartermijn); daarna telt de inburgeraar alleen nog mee in de cijfers.' }) anonymisedOn!: string | null;
  @Field(() => ClientDeadlinesType) deadlines!: ClientDeadlinesType;
  @Field(() => LearnabilityOutcomeGql) learnabilityOutcome!: LearnabilityOutcomeGql;
  @Field(() => Int, { nullable: true }) learnabilityScore!: number | null;
  @Field(() => CalendarDateScalar, { nullable: true }) intakeCompletedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Intakenotities: blijven binnen de gemeente.' }) intakeNotes!: string | null;
  @Field(() => Int, { nullable: true, description: 'Lesuren per week volgens het PIP, in minuten.' }) pipMinutesPerWeek!: number | null;
  @Field(() => String, { nullable: true, description: 'Lespatroon volgens het PIP, bijvoorbeeld "ma en wo ochtend".' }) pipLessonPattern!: string | null;
  @Field(() => Int, { description: 'Aantal vastgestelde PIP\'s (DUO: geen A2 op het eerste PIP voor de B1-route).' }) pipCount!: number;
  @Field(() => ActivePlacementStatusGql, { description: 'Status van de lopende plaatsing.' }) placementStatus!: ActivePlacementStatusGql;
}

@ObjectType('ClientPage')
export class ClientPageType {
  @Field(() => [ClientType]) items!: ClientType[];
  @Field(() => Int) total!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Bij een doorklik uit de cijfers: hoeveel inburgeraars die het cijfer telt, geanonimiseerd zijn (bewaartermijn verstreken) en daarom niet in de lijst staan. Leeg zonder cijfer.',
  })
  anonymisedInFigure!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Bij een doorklik uit de examencijfers: hoeveel examenpogingen het cijfer telt (een herkansing telt opnieuw), van de inburgeraars in de lijst en de geanonimiseerde. Leeg zonder examencijfer.',
  })
  examAttemptsInFigure!: number | null;
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class RegisterClientInput {
  @Field({ description: 'Burgerservicenummer (9 cijfers, elfproef).' })
  @Matches(/^\s*\d{8,9}\s*$/, { message: 'Een BSN bestaat uit 9 cijfers.' })
  bsn!: string;

  @Field() @IsFilledText({ message: 'Vul de voornaam in.' }) @IsSingleLineText() @MaxLength(100, { message: 'De voornaam is te lang (maximaal 100 tekens).' })
  firstName!: string;

  @Field() @IsFilledText({ message: 'Vul de achternaam in.' }) @IsSingleLineText() @MaxLength(100, { message: 'De achternaam is te lang (maximaal 100 tekens).' })
  lastName!: string;

  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige geboortedatum in.' })
  dateOfBirth!: string;

  @Field(() => TargetGroupGql) @IsIn(Object.values(TargetGroupGql), { message: 'Kies een doelgroep.' })
  targetGroup!: TargetGroupGql;

  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul de datum van inschrijving in de BRP in.' })
  brpRegistrationDate!: string;

  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige PIP-datum in.' })
  pipSignedOn?: string | null;

  @Field(() => RouteGql, { nullable: true }) @IsOptional() @IsIn(Object.values(RouteGql), { message: 'Kies een leerroute.' })
  route?: RouteGql | null;

  @Field(() => LevelGql, { nullable: true }) @IsOptional() @IsIn(Object.values(LevelGql), { message: 'Kies een taalniveau.' })
  level?: LevelGql | null;

  @Field(() => LearnabilityOutcomeGql, { nullable: true }) @IsOptional() @IsIn(Object.values(LearnabilityOutcomeGql), { message: 'Kies de uitkomst van de leerbaarheidstoets.' })
  learnabilityOutcome?: LearnabilityOutcomeGql | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'De score is een heel getal.' })
  learnabilityScore?: number | null;

  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige intakedatum in.' })
  intakeCompletedOn?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000, { message: 'De intakenotities zijn te lang (maximaal 5000 tekens).' })
  intakeNotes?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'Vul het aantal minuten per week in als heel getal.' })
  pipMinutesPerWeek?: number | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLineText() @MaxLength(200, { message: 'Het lespatroon is te lang (maximaal 200 tekens).' })
  pipLessonPattern?: string | null;
}
