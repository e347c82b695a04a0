import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { LotSubjectGql, PriceModelInput, PriceModelType } from '../lots';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { CONTRACT_STATUSES } from '@inburgering/domain';

export const ContractStatusGql = domainEnum(CONTRACT_STATUSES);
export type ContractStatusGql = (typeof CONTRACT_STATUSES)[number];
registerEnumType(ContractStatusGql, { name: 'ContractStatus', description: 'Concept, actief, verlengd of beëindigd.' });

@ObjectType('ContractWarning', { description: 'Een waarschuwing bij een opgeslagen contract: het mag zo blijven, maar er moet iets gebeuren.' })
export class ContractWarningType {
  @Field() field!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType('Contract')
export class ContractType {
  @Field(() => ID) id!: string;
  @Field(() => ID) lotId!: string;
  @Field() lotName!: string;
  @Field(() => LotSubjectGql) subject!: LotSubjectGql;
  @Field() subjectLabel!: string;
  @Field(() => ID) regionId!: string;
  @Field() regionName!: string;
  @Field(() => ID) providerId!: string;
  @Field() providerName!: string;
  @Field(() => ContractStatusGql) status!: ContractStatusGql;
  @Field() statusLabel!: string;
  @Field(() => CalendarDateScalar) startDate!: string;
  @Field(() => CalendarDateScalar) endDate!: string;
  @Field(() => CalendarDateScalar, { description: 'Laatste dag van het perceel, met de verlengingsopties.' }) lotEndWithExtensions!: string;
  @Field(() => PriceModelType, { nullable: true, description: 'De prijsafspraak: die van het contract, anders die van het perceel.' }) priceModel!: PriceModelType | null;
  @Field({ description: 'Of het contract een eigen prijsafspraak heeft (anders geldt die van het perceel).' }) hasOwnPriceModel!: boolean;
  @Field(() => Float, { nullable: true, description: 'Plafond (maximale besteding) in eurocenten.' }) ceilingCents!: number | null;
  @Field(() => Int, { description: 'Versie; geef die mee bij een wijziging.' }) version!: number;
  /** The provider's keurmerk and taalschakel recognition, for the warnings (not fields of their own). */
  providerKeurmerkValidUntil!: string | null;
  providerIsTaalschakelInstitution!: boolean;
}

@ObjectType('ContractFieldChange')
export class ContractFieldChangeType {
  @Field() field!: string;
  @Field({ description: 'Naam van het gegeven.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'Oude waarde, zoals een gebruiker die leest.' }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType('ContractVersion')
export class ContractVersionType {
  @Field(() => Int) version!: number;
  @Field() changedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Wie de wijziging deed; leeg bij de demogegevens.' }) changedBy!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [ContractFieldChangeType]) changes!: ContractFieldChangeType[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CreateContractInput {
  @Field(() => ID) @IsUUID('all', { message: 'Kies een perceel.' }) lotId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Kies een aanbieder.' }) providerId!: string;

  @Field(() => ContractStatusGql, { defaultValue: ContractStatusGql.DRAFT })
  @IsIn([ContractStatusGql.DRAFT, ContractStatusGql.ACTIVE], { message: 'Een nieuw contract is een concept of actief.' })
  status!: ContractStatusGql;

  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige begindatum in.' }) startDate!: string;
  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige einddatum in.' }) endDate!: string;

  @Field(() => PriceModelInput, { nullable: true, description: 'Leeg: de prijsafspraak van het perceel geldt.' })
  @IsOptional() @ValidateNested() @Type(() => PriceModelInput)
  priceModel?: PriceModelInput | null;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsInt({ message: 'Vul het plafond in hele centen in.' }) @Min(1, { message: 'Het plafond moet groter dan € 0,00 zijn.' })
  ceilingCents?: number | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500, { message: 'De toelichting is te lang (maximaal 500 tekens).' })
  reason?: string | null;
}

@InputType()
export class UpdateContractInput {
  @Field(() => ID) @IsUUID('all', { message: 'Onbekend contract.' }) contractId!: string;
  @Field(() => Int, { description: 'De versie die u zag; is het contract intussen gewijzigd, dan wordt de wijziging geweigerd.' })
  @IsInt() expectedVersion!: number;

  @Field(() => ContractStatusGql, { nullable: true }) @IsOptional() @IsIn(Object.values(ContractStatusGql), { message: 'Kies een status.' })
  status?: ContractStatusGql | null;

  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige begindatum in.' }) startDate?: string | null;
  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige einddatum in.' }) endDate?: string | null;

  @Field(() => PriceModelInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => PriceModelInput)
  priceModel?: PriceModelInput | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Vanaf welke dag de nieuwe prijsafspraak geldt (standaard vandaag); moet na de laatst gefactureerde dag liggen.' })
  @IsOptional() @Matches(DATE, { message: 'Vul een geldige ingangsdatum in.' }) priceModelValidFrom?: string | null;

  @Field(() => Float, { nullable: true }) @IsOptional() @IsInt({ message: 'Vul het plafond in hele centen in.' }) @Min(1, { message: 'Het plafond moet groter dan € 0,00 zijn.' })
  ceilingCents?: number | null;

  @Field({ description: 'Waarom het contract wijzigt; komt in de historie.' })
  @IsNotEmpty({ message: 'Geef een reden voor de wijziging.' }) @MaxLength(500, { message: 'De reden is te lang (maximaal 500 tekens).' })
  reason!: string;
}
