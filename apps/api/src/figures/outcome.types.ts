import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsString, Matches } from 'class-validator';
import { CLIENT_OUTCOME_KINDS } from '@inburgering/domain';
import { CalendarDateScalar, domainEnum } from '../graphql';

export const ClientOutcomeKindGql = domainEnum(CLIENT_OUTCOME_KINDS);
export type ClientOutcomeKindGql = (typeof CLIENT_OUTCOME_KINDS)[number];
registerEnumType(ClientOutcomeKindGql, { name: 'ClientOutcomeKind', description: 'Uitstroom van een inburgeraar: werk, studie of participatie.' });

@ObjectType('ClientOutcome')
export class ClientOutcomeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ClientOutcomeKindGql) kind!: ClientOutcomeKindGql;
  @Field(() => CalendarDateScalar, { description: 'De datum waarop de inburgeraar aan het werk ging, ging studeren of ging participeren.' }) achievedOn!: string;
  @Field() recordedAt!: Date;
}

@InputType()
export class RecordClientOutcomeInput {
  /** Not validated as a UUID here: the AccessService answers NOT_FOUND for unknown, foreign and malformed ids alike. */
  @Field(() => ID) @IsString() clientId!: string;
  @Field(() => ClientOutcomeKindGql) @IsIn([...CLIENT_OUTCOME_KINDS], { message: 'Kies werk, studie of participatie.' }) kind!: ClientOutcomeKindGql;
  @Field(() => CalendarDateScalar) @IsString() achievedOn!: string;
  @Field({ description: 'Eén sleutel per invoer: opnieuw versturen legt de uitstroom niet twee keer vast.' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'Ongeldige idempotentiesleutel.' }) idempotencyKey!: string;
}
