import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DEADLINE_SIGNAL_KINDS, SIGNALLED_DEADLINE_STATUSES } from '@inburgering/domain';
import { CalendarDateScalar, domainEnum } from '../graphql';

export const DeadlineSignalKindGql = domainEnum(DEADLINE_SIGNAL_KINDS);
export type DeadlineSignalKindGql = (typeof DEADLINE_SIGNAL_KINDS)[number];
registerEnumType(DeadlineSignalKindGql, { name: 'DeadlineSignalKind', description: 'Welke termijn: PIP, einde inburgeringstermijn, MAP of PVT.' });

export const DeadlineSignalStatusGql = domainEnum(SIGNALLED_DEADLINE_STATUSES);
export type DeadlineSignalStatusGql = (typeof SIGNALLED_DEADLINE_STATUSES)[number];
registerEnumType(DeadlineSignalStatusGql, { name: 'DeadlineSignalStatus', description: 'Binnenkort of verlopen.' });

/** A deadline of a client that the scan found due soon or overdue; open until the deadline is met or moves. */
@ObjectType('DeadlineSignal')
export class DeadlineSignalType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => Int, { description: 'Klantnummer binnen de gemeente.' }) clientNumber!: number;
  @Field({ description: 'Naam van de inburgeraar (alleen voor de eigen gemeente).' }) clientName!: string;
  @Field(() => DeadlineSignalKindGql) kind!: DeadlineSignalKindGql;
  @Field({ description: 'De termijn in woorden.' }) kindLabel!: string;
  @Field(() => CalendarDateScalar) deadline!: string;
  @Field(() => DeadlineSignalStatusGql, { description: 'De status toen de termijn het laatst werd bekeken.' }) status!: DeadlineSignalStatusGql;
  @Field() detectedAt!: Date;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Afgehandeld op (termijn gehaald of verschoven); leeg zolang het signaal openstaat.' })
  resolvedOn!: string | null;
}

@ObjectType('DeadlineSignalPage')
export class DeadlineSignalPageType {
  @Field(() => [DeadlineSignalType]) items!: DeadlineSignalType[];
  @Field(() => Int) total!: number;
}
