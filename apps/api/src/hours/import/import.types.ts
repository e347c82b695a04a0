import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IMPORT_BATCH_STATUSES, IMPORT_MODES } from '@inburgering/domain';
import { IsString, IsUUID, Matches } from 'class-validator';
import { domainEnum } from '../../graphql';

export const ImportModeGql = domainEnum(IMPORT_MODES);
export type ImportModeGql = (typeof IMPORT_MODES)[number];
registerEnumType(ImportModeGql, { name: 'ImportMode', description: 'Alleen controleren (proefimport) of echt importeren.' });

export const ImportStatusGql = domainEnum(IMPORT_BATCH_STATUSES);
export type ImportStatusGql = (typeof IMPORT_BATCH_STATUSES)[number];
registerEnumType(ImportStatusGql, {
  name: 'ImportStatus',
  description: 'In de wachtrij, bezig, goedgekeurd (proefimport), afgekeurd, geïmporteerd, al eerder geïmporteerd of mislukt.',
});

@ObjectType('ImportError')
export class ImportErrorType {
  @Field(() => Int, { description: 'Rijnummer zoals in het spreadsheet (rij 1 is de kop).' }) row!: number;
  @Field() column!: string;
  @Field() message!: string;
}

@ObjectType('ImportBatch')
export class ImportBatchType {
  @Field(() => ID) id!: string;
  @Field() filename!: string;
  @Field({ description: 'CSV of XLSX.' }) format!: string;
  @Field(() => ImportModeGql) mode!: ImportModeGql;
  @Field(() => ImportStatusGql) status!: ImportStatusGql;
  @Field(() => Int, { nullable: true }) totalRows!: number | null;
  @Field(() => Int) processedRows!: number;
  @Field(() => Int) errorCount!: number;
  @Field(() => [ImportErrorType], { description: 'De eerste 1000 fouten, op volgorde van rij.' }) errors!: ImportErrorType[];
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('ImportBatchPage', { description: 'Een pagina urenimports, nieuwste eerst (zonder foutenlijst), met het totaal.' })
export class ImportBatchPageType {
  @Field(() => [ImportBatchType]) items!: ImportBatchType[];
  @Field(() => Int) total!: number;
}

@InputType()
export class ApplyImportInput {
  @Field(() => ID, { description: 'De goedgekeurde proefimport.' }) @IsUUID('all', { message: 'Onbekende import.' }) batchId!: string;
  @Field({ description: 'Eén sleutel per indiening: opnieuw versturen met dezelfde sleutel importeert niet nog eens.' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'Ongeldige idempotentiesleutel.' }) idempotencyKey!: string;
}
