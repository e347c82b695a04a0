import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CalendarDateScalar } from '../graphql/calendar-date.scalar';

export enum LotSubjectGql {
  B1 = 'B1',
  Z = 'Z',
  ONDERWIJS = 'ONDERWIJS',
  MAP = 'MAP',
  PVT = 'PVT',
  KNM = 'KNM',
}
registerEnumType(LotSubjectGql, { name: 'LotSubject', description: 'De leerroute of module van een perceel.' });

@ObjectType('Lot')
export class LotType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => LotSubjectGql) subject!: LotSubjectGql;
  @Field(() => ID) regionId!: string;
  @Field(() => CalendarDateScalar) periodStart!: string;
  @Field(() => CalendarDateScalar) periodEnd!: string;
  @Field(() => Int) expectedVolumePerYear!: number;
}
