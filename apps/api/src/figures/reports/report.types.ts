import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { REPORT_STATUSES } from '@inburgering/domain';
import { registerEnumType } from '@nestjs/graphql';
import { CalendarDateScalar, domainEnum } from '../../graphql';

export const QuarterlyReportStatusGql = domainEnum(REPORT_STATUSES);
export type QuarterlyReportStatusGql = (typeof REPORT_STATUSES)[number];
registerEnumType(QuarterlyReportStatusGql, { name: 'QuarterlyReportStatus', description: 'In de wachtrij, klaar of mislukt.' });

@ObjectType('QuarterlyReport', { description: 'Eén versie van de kwartaalrapportage van de regio of een perceel.' })
export class QuarterlyReportType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'Leeg voor de rapportage van de hele regio.' }) lotId!: string | null;
  @Field({ description: 'De hele regio of de naam van het perceel.' }) scopeLabel!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) quarter!: number;
  @Field({ description: 'Bijvoorbeeld 2026-K3.' }) quarterLabel!: string;
  @Field(() => Int) version!: number;
  @Field(() => QuarterlyReportStatusGql) status!: QuarterlyReportStatusGql;
  @Field(() => String, { nullable: true, description: 'Waarom het maken mislukte.' }) failure!: string | null;
  @Field() requestedAt!: Date;
  @Field(() => Date, { nullable: true }) generatedAt!: Date | null;
  @Field(() => CalendarDateScalar, { nullable: true }) computedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Downloadadres van het XLSX-bestand, als de rapportage klaar is.' }) xlsxUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Downloadadres van de PDF, als de rapportage klaar is.' }) pdfUrl!: string | null;
}

@InputType()
export class RequestQuarterlyReportInput {
  @Field(() => ID, { nullable: true, description: 'Een perceel; leeg voor de hele regio.' }) @IsOptional() @IsString() lotId?: string | null;
  @Field(() => Int) @IsInt() @Min(2020, { message: 'Kies een jaar vanaf 2020.' }) @Max(2100, { message: 'Kies een geldig jaar.' }) year!: number;
  @Field(() => Int) @IsInt() @Min(1, { message: 'Kies kwartaal 1 tot en met 4.' }) @Max(4, { message: 'Kies kwartaal 1 tot en met 4.' }) quarter!: number;
  @Field({ description: 'Eén sleutel per verzoek: opnieuw versturen maakt niet nog een versie.' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'Ongeldige idempotentiesleutel.' }) idempotencyKey!: string;
}
