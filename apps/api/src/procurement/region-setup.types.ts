import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { OrganisationType } from '../organisations';
import { KEURMERK_STATUSES, PROVIDER_KINDS } from '@inburgering/domain';

export const ProviderKindGql = domainEnum(PROVIDER_KINDS);
export type ProviderKindGql = (typeof PROVIDER_KINDS)[number];
registerEnumType(ProviderKindGql, { name: 'ProviderKind', description: 'Taalschool, onderwijsinstelling of andere partner (bijvoorbeeld voor PVT).' });

export const KeurmerkStatusGql = domainEnum(KEURMERK_STATUSES);
export type KeurmerkStatusGql = (typeof KEURMERK_STATUSES)[number];
registerEnumType(KeurmerkStatusGql, { name: 'KeurmerkStatus', description: 'Geldig, verloopt binnenkort, verlopen of geen keurmerk.' });

@ObjectType('SubRegion')
export class SubRegionType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [OrganisationType]) municipalities!: OrganisationType[];
}

/** A provider as the region sees it when awarding contracts: registration numbers and keurmerk. */
@ObjectType('Provider')
export class ProviderType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) kvkNumber!: string | null;
  @Field(() => ProviderKindGql, { nullable: true }) providerKind!: ProviderKindGql | null;
  @Field(() => String, { nullable: true, description: 'Registratienummer van het Blik op Werk keurmerk Inburgeren.' }) keurmerkNumber!: string | null;
  @Field(() => CalendarDateScalar, { nullable: true }) keurmerkValidUntil!: string | null;
  @Field(() => KeurmerkStatusGql) keurmerkStatus!: KeurmerkStatusGql;
  @Field(() => String, { nullable: true, description: 'DUO-instellingsnummer (10 tekens, uit de DUO-lijst van erkende instellingen), waar bekend.' }) duoInstitutionNumber!: string | null;
  @Field({ description: 'Erkende taalschakelinstelling (nodig voor de Onderwijsroute).' }) isTaalschakelInstitution!: boolean;
}

@ObjectType('RegionSetup')
export class RegionSetupType {
  @Field(() => OrganisationType) region!: OrganisationType;
  @Field(() => [OrganisationType]) municipalities!: OrganisationType[];
  @Field(() => [SubRegionType]) subRegions!: SubRegionType[];
  @Field(() => [ProviderType], { description: 'Alle aanbieders op het platform, om contracten aan te gunnen.' }) providers!: ProviderType[];
}

@InputType()
export class CreateSubRegionInput {
  @Field() @IsFilledText({ message: 'Geef de subregio een naam.' }) @IsSingleLineText() @MaxLength(100, { message: 'De naam is te lang (maximaal 100 tekens).' })
  name!: string;

  @Field(() => [ID]) @ArrayMaxSize(100, { message: 'Kies hoogstens 100 gemeenten.' }) @IsUUID('all', { each: true, message: 'Kies bestaande gemeenten.' })
  municipalityIds!: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class SaveProviderInput {
  @Field(() => ID, { nullable: true, description: 'Leeg voor een nieuwe aanbieder.' }) @IsOptional() @IsUUID('all', { message: 'Onbekende aanbieder.' })
  id?: string | null;

  @Field() @IsFilledText({ message: 'Vul de naam van de aanbieder in.' }) @IsSingleLineText() @MaxLength(200, { message: 'De naam is te lang (maximaal 200 tekens).' })
  name!: string;

  @Field() @Matches(/^\d{8}$/, { message: 'Een KvK-nummer bestaat uit 8 cijfers.' })
  kvkNumber!: string;

  @Field(() => ProviderKindGql) @IsIn(Object.values(ProviderKindGql), { message: 'Kies het soort aanbieder.' })
  providerKind!: ProviderKindGql;

  @Field(() => String, { nullable: true }) @IsOptional() @IsSingleLineText() @MaxLength(50, { message: 'Het keurmerknummer is te lang (maximaal 50 tekens).' })
  keurmerkNumber?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'Vul een geldige datum in.' })
  keurmerkValidUntil?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9A-Z]{10}$/, { message: 'Een DUO-instellingsnummer bestaat uit 10 tekens (cijfers en hoofdletters), bijvoorbeeld 41055629HA, zoals in de DUO-lijst van erkende instellingen.' })
  duoInstitutionNumber?: string | null;

  @Field({ defaultValue: false }) @IsBoolean()
  isTaalschakelInstitution!: boolean;
}
