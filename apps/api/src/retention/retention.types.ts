import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RETENTION_KINDS, RETENTION_YEARS_MAX, RETENTION_YEARS_MIN, type RetentionKind } from '@inburgering/domain';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { CalendarDateScalar, domainEnum } from '../graphql';

export const RetentionKindGql = domainEnum(RETENTION_KINDS);
export type RetentionKindGql = RetentionKind;
registerEnumType(RetentionKindGql, {
  name: 'RetentionKind',
  description: 'Soort persoonsgegevens met een eigen bewaartermijn: vrije teksten, de uitwisseling met DUO, of naam, BSN en geboortedatum.',
});

@ObjectType('RetentionPolicy')
export class RetentionPolicyType {
  @Field(() => Int, { description: 'Jaren na het einde dat vrije teksten (intakenotities, redenen) bewaard blijven.' }) freeTextYears!: number;
  @Field(() => Int, { description: 'Jaren na het einde dat berichten van en naar DUO bewaard blijven.' }) duoExchangeYears!: number;
  @Field(() => Int, { description: 'Jaren na het einde dat naam, BSN en geboortedatum bewaard blijven.' }) identityYears!: number;
  @Field(() => Date, { nullable: true, description: 'Sinds wanneer de nachtelijke run echt verwijdert; null: alleen een voorbeeld.' }) carriedOutSince!: Date | null;
  @Field({ description: 'Of de gemeente nog het standaardbeleid heeft (nooit zelf opgeslagen).' }) isDefault!: boolean;
}

@ObjectType('RetentionDueClient')
export class RetentionDueClientType {
  @Field(() => ID) clientId!: string;
  @Field(() => Int) clientNumber!: number;
  @Field(() => CalendarDateScalar, { description: 'Einde van de termijn of van de laatste plaatsing, waarvandaan de bewaartermijn telt.' }) endDate!: string;
  @Field(() => [RetentionKindGql]) kinds!: RetentionKind[];
}

@ObjectType('RetentionRun')
export class RetentionRunType {
  @Field(() => CalendarDateScalar) runDate!: string;
  @Field({ description: 'PREVIEW (alleen getoond) of APPLIED (verwijderd).' }) mode!: string;
  @Field(() => Int) freeTextClients!: number;
  @Field(() => Int) duoExchangeClients!: number;
  @Field(() => Int) identityClients!: number;
}

@ObjectType('RetentionOverview')
export class RetentionOverviewType {
  @Field(() => RetentionPolicyType) policy!: RetentionPolicyType;
  @Field(() => [RetentionDueClientType], { description: 'Wat de volgende nachtelijke run met dit beleid verwijdert (of zou verwijderen), per inburgeraar.' })
  due!: RetentionDueClientType[];
}

@ObjectType('RetentionRunPage', { description: 'Een pagina nachtelijke runs, nieuwste eerst, met het totaal.' })
export class RetentionRunPageType {
  @Field(() => [RetentionRunType]) items!: RetentionRunType[];
  @Field(() => Int) total!: number;
}

const years = (what: string) => [
  IsInt({ message: `Vul voor ${what} een heel aantal jaren in.` }),
  Min(RETENTION_YEARS_MIN, { message: `Bewaar ${what} minstens ${RETENTION_YEARS_MIN} jaar.` }),
  Max(RETENTION_YEARS_MAX, { message: `Bewaar ${what} hoogstens ${RETENTION_YEARS_MAX} jaar.` }),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

@InputType()
export class SaveRetentionPolicyInput {
  @Field(() => Int) @apply(years('vrije teksten')) freeTextYears!: number;
  @Field(() => Int) @apply(years('de berichten van en naar DUO')) duoExchangeYears!: number;
  @Field(() => Int) @apply(years('naam, BSN en geboortedatum')) identityYears!: number;
  @Field({ description: 'Laat de nachtelijke run dit beleid voortaan uitvoeren; zonder dit toont hij alleen wat hij zou doen.' })
  @IsBoolean({ message: 'Kies of de nachtelijke run het beleid uitvoert.' })
  carryOut!: boolean;
}
