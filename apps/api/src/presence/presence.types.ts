import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CREDENTIAL_KINDS, DAYPARTS, LESSON_KINDS, LESSON_STATUSES, PRESENCE_MARK_KINDS, SCHEDULE_EXCEPTION_KINDS } from '@inburgering/domain';
import { ArrayMaxSize, ArrayMinSize, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import { Type } from 'class-transformer';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { AbsenceReasonGql, HourCategoryGql } from '../hours';

export const LessonStatusGql = domainEnum(LESSON_STATUSES);
export type LessonStatusGql = (typeof LESSON_STATUSES)[number];
registerEnumType(LessonStatusGql, { name: 'LessonStatus', description: 'Open, of afgesloten en getekend door de docent.' });
export const LessonKindGql = domainEnum(LESSON_KINDS);
export type LessonKindGql = (typeof LESSON_KINDS)[number];
registerEnumType(LessonKindGql, { name: 'LessonKind', description: 'Volgens rooster of een extra les.' });
export const PresenceMarkKindGql = domainEnum(PRESENCE_MARK_KINDS);
export type PresenceMarkKindGql = (typeof PRESENCE_MARK_KINDS)[number];
registerEnumType(PresenceMarkKindGql, { name: 'PresenceMarkKind', description: 'Aankomst, vertrek of afwezig.' });
export const CredentialKindGql = domainEnum(CREDENTIAL_KINDS);
export type CredentialKindGql = (typeof CREDENTIAL_KINDS)[number];
registerEnumType(CredentialKindGql, { name: 'CredentialKind', description: 'Persoonlijke code of QR-kaart.' });
export const ScheduleExceptionKindGql = domainEnum(SCHEDULE_EXCEPTION_KINDS);
export type ScheduleExceptionKindGql = (typeof SCHEDULE_EXCEPTION_KINDS)[number];
registerEnumType(ScheduleExceptionKindGql, { name: 'ScheduleExceptionKind', description: 'Vakantie, vervallen les of extra les.' });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = 'Vul een tijd in als uu:mm, bijvoorbeeld 09:00.';
const WEEKDAY_MESSAGE = 'Een lesdag is 1 (maandag) tot en met 7 (zondag).';

@ObjectType('PresenceLessonSummary', { description: 'Een les in een overzicht: wanneer, waar en hoe ver de presentielijst is.' })
export class PresenceLessonSummaryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupId!: string;
  @Field() groupName!: string;
  @Field() location!: string;
  @Field(() => CalendarDateScalar) date!: string;
  @Field() startTime!: string;
  @Field() endTime!: string;
  @Field(() => LessonKindGql) kind!: LessonKindGql;
  @Field(() => String, { nullable: true, description: 'HOLIDAY of CANCELLED als de les niet doorgaat.' }) cancellation!: string | null;
  @Field(() => LessonStatusGql) status!: LessonStatusGql;
  @Field() teacherName!: string;
  @Field(() => Int) studentCount!: number;
  @Field(() => Int) presentCount!: number;
}

@ObjectType('PresenceStudent', { description: 'Een inburgeraar op de presentielijst: alleen naam en klantnummer.' })
export class PresenceStudentType {
  @Field(() => ID) placementId!: string;
  @Field(() => Int) clientNumber!: number;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => String, { nullable: true, description: 'Aankomsttijd (uu:mm).' }) arrivalTime!: string | null;
  @Field(() => String, { nullable: true, description: 'Vertrektijd (uu:mm) bij eerder vertrek.' }) departureTime!: string | null;
  @Field() late!: boolean;
  @Field(() => AbsenceReasonGql, { nullable: true }) absenceReason!: AbsenceReasonGql | null;
  @Field() absent!: boolean;
  @Field(() => CredentialKindGql, { nullable: true, description: 'Hoe de inburgeraar zich aanmeldde; leeg als de docent het vastlegde.' }) credentialKind!: CredentialKindGql | null;
}

@ObjectType('PresenceMark', { description: 'Een regel van de presentielijst; een correctie is een nieuwe regel met wie, wanneer en waarom.' })
export class PresenceMarkType {
  @Field(() => ID) id!: string;
  @Field(() => ID) placementId!: string;
  @Field(() => PresenceMarkKindGql) @IsIn(Object.values(PresenceMarkKindGql), { message: 'Kies aankomst, vertrek of afwezig.' }) kind!: PresenceMarkKindGql;
  @Field(() => String, { nullable: true }) time!: string | null;
  @Field(() => CredentialKindGql, { nullable: true }) credentialKind!: CredentialKindGql | null;
  @Field(() => AbsenceReasonGql, { nullable: true }) absenceReason!: AbsenceReasonGql | null;
  @Field() late!: boolean;
  @Field() recordedBy!: string;
  @Field() recordedAt!: Date;
  @Field(() => ID, { nullable: true }) correctsMarkId!: string | null;
  @Field(() => String, { nullable: true }) correctionReason!: string | null;
}

@ObjectType('PresenceLesson', { description: 'De presentielijst van één les.' })
export class PresenceLessonType extends PresenceLessonSummaryType {
  @Field({ description: 'Aanmelden kan nu (tijdens de les, met 15 minuten marge).' }) signInOpen!: boolean;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'De handtekening van de docent bij het afsluiten.' }) closingSignature!: string | null;
  @Field(() => [PresenceStudentType]) students!: PresenceStudentType[];
  @Field(() => [PresenceMarkType], { description: 'Alle regels in volgorde, correcties met hun oorspronkelijke regel.' }) marks!: PresenceMarkType[];
}

@ObjectType('PresenceGroup')
export class PresenceGroupType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() location!: string;
  @Field() daypart!: string;
  @Field(() => HourCategoryGql) category!: HourCategoryGql;
  @Field(() => ID) teacherUserId!: string;
  @Field() teacherName!: string;
  @Field(() => [Int]) weekdays!: number[];
  @Field() startTime!: string;
  @Field() endTime!: string;
  @Field(() => CalendarDateScalar) scheduleFrom!: string;
  @Field(() => CalendarDateScalar) scheduleUntil!: string;
  @Field(() => [PresenceGroupMemberType]) members!: PresenceGroupMemberType[];
  @Field(() => Int) lessonCount!: number;
}

@ObjectType('PresenceGroupMember')
export class PresenceGroupMemberType {
  @Field(() => ID) placementId!: string;
  @Field(() => Int) clientNumber!: number;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => String, { nullable: true, description: 'De laatste twee tekens van de actieve aanmeldkaart.' }) cardHint!: string | null;
}

@ObjectType('PresenceTeacher')
export class PresenceTeacherType {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field() email!: string;
}

@ObjectType('PresenceCard', { description: 'Een nieuwe aanmeldkaart: de code wordt één keer getoond en alleen versleuteld (hash) bewaard.' })
export class PresenceCardType {
  @Field(() => ID) placementId!: string;
  @Field() code!: string;
  @Field({ description: 'De QR-code met de code, als SVG.' }) qrSvg!: string;
}

@InputType()
export class ScheduleExceptionInput {
  @Field(() => CalendarDateScalar) @IsString() date!: string;
  @Field(() => ScheduleExceptionKindGql) @IsIn(Object.values(ScheduleExceptionKindGql), { message: 'Kies vakantie, vervallen of extra les.' }) kind!: ScheduleExceptionKindGql;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(TIME, { message: TIME_MESSAGE }) startTime?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(TIME, { message: TIME_MESSAGE }) endTime?: string | null;
}

@InputType()
export class CreatePresenceGroupInput {
  @Field() @IsString() @Length(1, 100, { message: 'Geef de groep een naam (hoogstens 100 tekens).' }) @IsFilledText({ message: 'Geef de groep een naam (hoogstens 100 tekens).' }) @IsSingleLineText() name!: string;
  @Field() @IsString() @Length(1, 100, { message: 'Vul de leslocatie in (hoogstens 100 tekens).' }) @IsFilledText({ message: 'Vul de leslocatie in (hoogstens 100 tekens).' }) @IsSingleLineText() location!: string;
  @Field({ description: 'DAYTIME, EVENING of ON_THE_JOB.' }) @IsIn([...DAYPARTS], { message: 'Kies overdag, \'s avonds of op de werkvloer.' }) daypart!: string;
  @Field(() => HourCategoryGql, { nullable: true }) @IsOptional() @IsIn(Object.values(HourCategoryGql), { message: 'Onbekende soort uren.' }) category?: HourCategoryGql | null;
  @Field(() => ID) @IsUUID('all', { message: 'Kies een docent.' }) teacherUserId!: string;
  @Field(() => [ID]) @IsUUID('all', { each: true, message: 'Onbekende plaatsing.' }) @ArrayMaxSize(60, { message: 'Een groep heeft hoogstens 60 inburgeraars.' }) placementIds!: string[];
  @Field(() => [Int]) @ArrayMinSize(1, { message: 'Kies minstens één lesdag.' }) @ArrayMaxSize(7, { message: 'Kies hoogstens zeven lesdagen.' }) @IsInt({ each: true }) @Min(1, { each: true, message: WEEKDAY_MESSAGE }) @Max(7, { each: true, message: WEEKDAY_MESSAGE }) weekdays!: number[];
  @Field() @Matches(TIME, { message: TIME_MESSAGE }) startTime!: string;
  @Field() @Matches(TIME, { message: TIME_MESSAGE }) endTime!: string;
  @Field(() => CalendarDateScalar) @IsString() from!: string;
  @Field(() => CalendarDateScalar) @IsString() until!: string;
  @Field(() => [ScheduleExceptionInput], { nullable: true }) @IsOptional() @ArrayMaxSize(100, { message: 'Geef hoogstens 100 uitzonderingen op het rooster.' }) @ValidateNested({ each: true }) @Type(() => ScheduleExceptionInput)
  exceptions?: ScheduleExceptionInput[] | null;
}

@InputType()
export class PresenceCardInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
}

@InputType()
export class SignInToLessonInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende les.' }) lessonId!: string;
  @Field({ description: 'De persoonlijke code of de inhoud van de QR-kaart.' }) @IsString() @Length(1, 40, { message: 'Vul de persoonlijke code in.' }) code!: string;
  @Field(() => CredentialKindGql) @IsIn(Object.values(CredentialKindGql), { message: 'Kies code of QR-kaart.' }) credentialKind!: CredentialKindGql;
  @Field(() => PresenceMarkKindGql, { nullable: true, description: 'ARRIVAL (standaard) of DEPARTURE.' }) @IsOptional() @IsIn(['ARRIVAL', 'DEPARTURE'], { message: 'Kies aankomst of vertrek.' }) direction?: PresenceMarkKindGql | null;
  @Field({ description: 'Door het apparaat gemaakte UUID: dezelfde aanmelding twee keer verstuurd telt één keer.' }) @IsUUID('all', { message: 'Dit is geen geldige id.' }) clientMarkId!: string;
  @Field(() => Date, { nullable: true, description: 'Wanneer het apparaat de aanmelding vastlegde (offline); standaard nu.' }) @IsOptional() @IsDate() occurredAt?: Date | null;
}

@InputType()
export class MarkPresenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende les.' }) lessonId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
  @Field(() => PresenceMarkKindGql) @IsIn(Object.values(PresenceMarkKindGql), { message: 'Kies aankomst, vertrek of afwezig.' }) kind!: PresenceMarkKindGql;
  @Field(() => String, { nullable: true, description: 'Tijd (uu:mm) van aankomst of vertrek; standaard nu.' }) @IsOptional() @Matches(TIME, { message: TIME_MESSAGE }) time?: string | null;
  @Field(() => AbsenceReasonGql, { nullable: true }) @IsOptional() @IsIn(Object.values(AbsenceReasonGql), { message: 'Kies ziek, geoorloofd of ongeoorloofd.' }) absenceReason?: AbsenceReasonGql | null;
  @Field({ description: 'Door het apparaat gemaakte UUID: dezelfde regel twee keer verstuurd telt één keer.' }) @IsUUID('all', { message: 'Dit is geen geldige id.' }) clientMarkId!: string;
}

@InputType()
export class ClosePresenceLessonInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende les.' }) lessonId!: string;
  @Field({ description: 'Het eigen wachtwoord van de docent, als handtekening.' }) @IsString() @Length(1, 200, { message: 'Vul uw wachtwoord in om de lijst te tekenen.' }) password!: string;
}

@InputType()
export class CorrectPresenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende les.' }) lessonId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende plaatsing.' }) placementId!: string;
  @Field(() => PresenceMarkKindGql) @IsIn(Object.values(PresenceMarkKindGql), { message: 'Kies aankomst, vertrek of afwezig.' }) kind!: PresenceMarkKindGql;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(TIME, { message: TIME_MESSAGE }) time?: string | null;
  @Field(() => AbsenceReasonGql, { nullable: true }) @IsOptional() @IsIn(Object.values(AbsenceReasonGql), { message: 'Kies ziek, geoorloofd of ongeoorloofd.' }) absenceReason?: AbsenceReasonGql | null;
  @Field() @IsString() @MaxLength(500, { message: 'De reden is te lang (maximaal 500 tekens).' }) reason!: string;
  @Field({ description: 'Door het apparaat gemaakte UUID: dezelfde regel twee keer verstuurd telt één keer.' }) @IsUUID('all', { message: 'Dit is geen geldige id.' }) clientMarkId!: string;
}

@ObjectType('PresenceAuditSheet', { description: 'Eén deel van de verantwoording: een tabel met kopregel en regels (tekst, zoals in de export).' })
export class PresenceAuditSheetType {
  @Field() name!: string;
  @Field(() => [String]) header!: string[];
  @Field(() => [[String]]) rows!: string[][];
}

@ObjectType('PresenceAudit', { description: 'Wat een auditor van Blik op Werk wil zien voor een groep en periode: dezelfde inhoud als de XLSX- en PDF-export.' })
export class PresenceAuditType {
  @Field(() => ID) groupId!: string;
  @Field(() => CalendarDateScalar) from!: string;
  @Field(() => CalendarDateScalar) to!: string;
  @Field(() => [PresenceAuditSheetType]) sheets!: PresenceAuditSheetType[];
}
