import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { LotSubjectGql } from '../lots';
import { DAYPARTS } from '@inburgering/domain';

export const DaypartGql = domainEnum(DAYPARTS);
export type DaypartGql = (typeof DAYPARTS)[number];
registerEnumType(DaypartGql, { name: 'Daypart', description: 'Overdag, \'s avonds of op de werkvloer.' });

/** A start moment with its seats, how many are taken (accepted or started placements) and the demand waiting for it. */
@ObjectType('StartMoment')
export class StartMomentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) contractId!: string;
  @Field(() => ID) lotId!: string;
  @Field() lotName!: string;
  @Field(() => LotSubjectGql) subject!: LotSubjectGql;
  @Field(() => ID) providerId!: string;
  @Field() providerName!: string;
  @Field() location!: string;
  @Field(() => CalendarDateScalar) startsOn!: string;
  @Field(() => Int) seats!: number;
  @Field(() => Int) taken!: number;
  @Field(() => Int) free!: number;
  @Field(() => Int, { description: 'Wachtende aanmeldingen voor dit instroommoment.' }) waiting!: number;
  @Field(() => [Int], { description: 'Lesdagen, ISO: 1 = maandag … 7 = zondag.' }) lessonDays!: number[];
  @Field(() => Int) minutesPerWeek!: number;
  @Field(() => DaypartGql) daypart!: DaypartGql;
  @Field() daypartLabel!: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class DeclareStartMomentInput {
  @Field(() => ID) @IsUUID('all', { message: 'Kies een contract.' }) contractId!: string;
  @Field() @IsFilledText({ message: 'Vul de lesplaats in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De lesplaats is te lang (maximaal 200 tekens).' }) location!: string;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige startdatum in.' }) startsOn!: string;
  @Field(() => Int) @IsInt({ message: 'Vul het aantal plaatsen in als heel getal.' }) seats!: number;
  @Field(() => [Int]) @ArrayMaxSize(7, { message: 'Kies hoogstens zeven lesdagen.' }) @IsInt({ each: true, message: 'Kies geldige lesdagen.' }) lessonDays!: number[];
  @Field(() => Int) @IsInt({ message: 'Vul de lestijd per week in hele minuten in.' }) minutesPerWeek!: number;
  @Field(() => DaypartGql) @IsIn(Object.values(DaypartGql), { message: 'Kies overdag, \'s avonds of op de werkvloer.' }) daypart!: DaypartGql;
}

@InputType()
export class UpdateStartMomentInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekend instroommoment.' }) startMomentId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsFilledText({ message: 'Vul de lesplaats in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De lesplaats is te lang (maximaal 200 tekens).' }) location?: string | null;
  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige startdatum in.' }) startsOn?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'Vul het aantal plaatsen in als heel getal.' }) seats?: number | null;
  @Field(() => [Int], { nullable: true }) @IsOptional() @ArrayMaxSize(7, { message: 'Kies hoogstens zeven lesdagen.' }) @IsInt({ each: true, message: 'Kies geldige lesdagen.' }) lessonDays?: number[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'Vul de lestijd per week in hele minuten in.' }) minutesPerWeek?: number | null;
  @Field(() => DaypartGql, { nullable: true }) @IsOptional() @IsIn(Object.values(DaypartGql), { message: 'Kies overdag, \'s avonds of op de werkvloer.' }) daypart?: DaypartGql | null;
}
