import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ObjectType('Signal')
export class SignalType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Soort signaal, bijvoorbeeld EVIDENCE_OVERDUE of PLACEMENT_OFFERED.' }) kind!: string;
  @Field() subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true, description: 'De naam van de inburgeraar waar het signaal over gaat, voor wie die mag zien; staat niet in de tekst.' })
  clientName!: string | null;
  @Field() raisedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
}

@ObjectType('SignalPage')
export class SignalPageType {
  @Field(() => [SignalType]) items!: SignalType[];
  @Field(() => Int, { description: 'Aantal signalen dat aan het filter voldoet, over alle pagina\'s.' }) total!: number;
}

@InputType()
export class AcknowledgeSignalInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() signalId!: string;
  @Field(() => String, { nullable: true, description: 'Wat u met het signaal hebt gedaan.' })
  @IsOptional()
  @MaxLength(1000, { message: 'De toelichting is te lang (maximaal 1000 tekens).' })
  resolution?: string | null;
}
