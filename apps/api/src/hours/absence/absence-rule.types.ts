import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt } from 'class-validator';

@ObjectType('AbsenceRule', { description: 'De verzuimregels van een gemeente; zonder eigen regels gelden de standaardwaarden.' })
export class AbsenceRuleType {
  @Field(() => Int, { description: 'Aanwezigheid onder dit percentage over de meetperiode geeft een signaal.' }) lowAttendancePercent!: number;
  @Field(() => Int, { description: 'Aantal weken waarover de aanwezigheid wordt gemeten.' }) windowWeeks!: number;
  @Field(() => Int, { description: 'Na zoveel lesdagen achter elkaar ongeoorloofd afwezig volgt een signaal.' }) consecutiveUnexcused!: number;
  @Field({ description: 'Waar als de gemeente nog geen eigen regels heeft vastgelegd.' }) isDefault!: boolean;
}

@InputType()
export class SaveAbsenceRuleInput {
  @Field(() => Int) @IsInt({ message: 'Vul de norm voor aanwezigheid in als heel percentage.' }) lowAttendancePercent!: number;
  @Field(() => Int) @IsInt({ message: 'Vul het aantal weken in als heel getal.' }) windowWeeks!: number;
  @Field(() => Int) @IsInt({ message: 'Vul het aantal lesdagen achter elkaar in als heel getal.' }) consecutiveUnexcused!: number;
}
