import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';

@ObjectType('Signal')
export class SignalType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Soort signaal, bijvoorbeeld EVIDENCE_OVERDUE of PLACEMENT_OFFERED.' }) kind!: string;
  @Field() subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field() message!: string;
  @Field() raisedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
}

@InputType()
export class AcknowledgeSignalInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekend signaal.' }) signalId!: string;
  @Field(() => String, { nullable: true, description: 'Wat u met het signaal hebt gedaan.' })
  @IsOptional()
  @MaxLength(1000, { message: 'De toelichting is te lang (maximaal 1000 tekens).' })
  resolution?: string | null;
}
