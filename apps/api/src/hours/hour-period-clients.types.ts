import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../graphql';

@ObjectType('HourPeriodDay')
export class HourPeriodDayType {
  @Field(() => CalendarDateScalar) date!: string;
  @Field(() => Int) plannedMinutes!: number;
  @Field(() => Int) attendedMinutes!: number;
}

@ObjectType('HourPeriodClient')
export class HourPeriodClientType {
  @Field(() => ID) clientId!: string;
  @Field(() => Int, { description: 'Klantnummer binnen de gemeente.' }) clientNumber!: number;
  @Field() clientName!: string;
  @Field(() => Int) plannedMinutes!: number;
  @Field(() => Int) attendedMinutes!: number;
  @Field(() => [HourPeriodDayType], { description: 'De lesdagen van de maand, oudste eerst: alle categorieën samen.' }) days!: HourPeriodDayType[];
}
