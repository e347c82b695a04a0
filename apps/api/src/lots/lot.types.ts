import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsFilledText, IsSingleLineText } from '../common';
import { CalendarDateScalar, domainEnum } from '../graphql';
import { PriceModelInput, PriceModelType } from './price-model.types';
import { LOT_COVERAGES, LOT_SUBJECTS } from '@inburgering/domain';

export const LotSubjectGql = domainEnum(LOT_SUBJECTS);
export type LotSubjectGql = (typeof LOT_SUBJECTS)[number];
registerEnumType(LotSubjectGql, { name: 'LotSubject', description: 'De leerroute of module van een perceel.' });

export const LotCoverageGql = domainEnum(LOT_COVERAGES);
export type LotCoverageGql = (typeof LOT_COVERAGES)[number];
registerEnumType(LotCoverageGql, { name: 'LotCoverage', description: 'Alle gemeenten van de regio, een subregio, of een lijst gemeenten.' });

@ObjectType('Lot')
export class LotType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => LotSubjectGql) subject!: LotSubjectGql;
  @Field({ description: 'Naam van de leerroute of module.' }) subjectLabel!: string;
  @Field(() => ID) regionId!: string;
  @Field(() => CalendarDateScalar) periodStart!: string;
  @Field(() => CalendarDateScalar) periodEnd!: string;
  @Field(() => Int) expectedVolumePerYear!: number;
  @Field(() => Int, { description: 'Hoeveel maanden de contracten samen verlengd mogen worden.' }) maxExtensionMonths!: number;
  @Field(() => String, { nullable: true, description: 'De verlengingsopties in woorden, bijvoorbeeld "2 x 12 maanden".' }) extensionOptions!: string | null;
  @Field(() => LotCoverageGql) coverage!: LotCoverageGql;
  @Field(() => ID, { nullable: true }) subRegionId!: string | null;
  @Field(() => PriceModelType, { nullable: true }) priceModel!: PriceModelType | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CreateLotInput {
  @Field() @IsFilledText({ message: 'Geef het perceel een naam.' }) @IsSingleLineText() @MaxLength(200, { message: 'De naam is te lang (maximaal 200 tekens).' })
  name!: string;

  @Field(() => LotSubjectGql) @IsIn(Object.values(LotSubjectGql), { message: 'Kies een leerroute of module.' })
  subject!: LotSubjectGql;

  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige begindatum in.' })
  periodStart!: string;

  @Field(() => CalendarDateScalar) @Matches(DATE, { message: 'Vul een geldige einddatum in.' })
  periodEnd!: string;

  @Field(() => Int) @IsInt({ message: 'Vul het verwachte aantal trajecten per jaar in als heel getal.' })
  expectedVolumePerYear!: number;

  @Field(() => Int, { defaultValue: 0 }) @IsInt({ message: 'Vul het aantal verlengingsmaanden in als heel getal.' })
  maxExtensionMonths!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'De verlengingsopties zijn te lang (maximaal 200 tekens).' })
  extensionOptions?: string | null;

  @Field(() => LotCoverageGql) @IsIn(Object.values(LotCoverageGql), { message: 'Kies welke gemeenten het perceel dekt.' })
  coverage!: LotCoverageGql;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Kies een bestaande subregio.' })
  subRegionId?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(100, { message: 'Een perceel kan hoogstens 100 gemeenten dekken.' })
  @IsUUID('all', { each: true, message: 'Kies bestaande gemeenten.' })
  municipalityIds!: string[];

  @Field(() => PriceModelInput) @ValidateNested() @Type(() => PriceModelInput)
  priceModel!: PriceModelInput;
}
