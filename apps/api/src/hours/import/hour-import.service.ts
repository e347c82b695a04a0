import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IMPORT_MODES } from '@inburgering/domain';
import { AccessService } from '../../access';
import { ConflictAppError, requirePage, type UploadedFile, ValidationAppError } from '../../common';
import { ImportBatchEntity } from '../../database';
import { enqueueInOutbox } from '../../outbox';
import { type Actor, providerScopeOf, type ProviderId } from '../../tenancy';
import { detectFormat } from './hour-file-parser';
import { ApplyImportInput, type ImportBatchPageType, ImportBatchType, ImportModeGql, ImportStatusGql } from './import.types';

export const MAX_IMPORT_PAGE = 200;

/** The columns of a batch the portal sees (never the file itself). */
const BATCH_COLUMNS = {
  id: true, providerId: true, filename: true, format: true, sha256: true, mode: true, status: true, totalRows: true, processedRows: true,
  errorCount: true, errors: true, createdAt: true, finishedAt: true,
} as const;
type BatchSummary = Omit<ImportBatchEntity, 'content' | 'provider' | 'idempotencyKey' | 'createdByUserId'>;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

const toType = (batch: BatchSummary): ImportBatchType =>
  Object.assign(new ImportBatchType(), {
    id: batch.id,
    filename: batch.filename,
    format: batch.format,
    mode: batch.mode as ImportModeGql,
    status: batch.status as ImportStatusGql,
    totalRows: batch.totalRows,
    processedRows: batch.processedRows,
    errorCount: batch.errorCount,
    errors: batch.errors,
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt,
  });

/** Uploaded hours files: stored with their idempotency key and checked/applied by the worker. */
@Injectable()
export class HourImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Stores the file and queues its check; the same idempotency key returns the batch it created the first time. */
  async upload(actor: Actor, file: UploadedFile | undefined, mode: string | undefined, idempotencyKey: string | undefined): Promise<ImportBatchType> {
    const providerId = providerScopeOf(actor);
    const fields = [];
    if (!file || file.size === 0) fields.push({ field: 'file', code: 'FILE_REQUIRED', message: 'Kies een CSV- of XLSX-bestand met uren.' });
    if (!isImportMode(mode)) fields.push({ field: 'mode', code: 'MODE_INVALID', message: 'Kies proefimport (DRY_RUN) of importeren (APPLY).' });
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      fields.push({ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_INVALID', message: 'De kop Idempotency-Key ontbreekt of is ongeldig (8 tot 100 letters, cijfers, - of _).' });
    }
    if (fields.length > 0 || !file || !isImportMode(mode)) throw new ValidationAppError(fields);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return this.db.transaction(async (manager) => {
      const filename = file.originalname.slice(0, 200) || 'uren';
      return this.createBatch(manager, providerId, actor, { idempotencyKey: idempotencyKey!, filename, sha256, content: file.buffer, mode });
    });
  }

  /** Applies a checked dry run: a new APPLY batch with the same file, under a new idempotency key. */
  async applyDryRun(actor: Actor, input: ApplyImportInput): Promise<ImportBatchType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'importBatch', input.batchId);
    return this.db.transaction(async (manager) => {
      const dryRun = await manager.getRepository(ImportBatchEntity).findOne({
        select: { ...BATCH_COLUMNS, content: true },
        where: { id: input.batchId, providerId },
      });
      if (!dryRun) throw this.access.notFound('importBatch');
      if (dryRun.mode !== ImportModeGql.DRY_RUN || dryRun.status !== ImportStatusGql.VALID) {
        throw new ValidationAppError([{ field: 'batchId', code: 'DRY_RUN_NOT_VALID', message: 'Alleen een goedgekeurde proefimport zonder fouten kan worden geïmporteerd.' }]);
      }
      // The nightly cleanup removes an old file's bytes (issue 14); the proefimport then has nothing left to import.
      if (dryRun.content.length === 0) {
        throw new ValidationAppError([{ field: 'batchId', code: 'DRY_RUN_FILE_REMOVED', message: 'Het bestand van deze proefimport is na 90 dagen opgeruimd. Upload het bestand opnieuw.' }]);
      }
      return this.createBatch(manager, providerId, actor, {
        idempotencyKey: input.idempotencyKey, filename: dryRun.filename, sha256: dryRun.sha256, content: dryRun.content, mode: ImportModeGql.APPLY,
      });
    });
  }

  async get(actor: Actor, batchId: string): Promise<ImportBatchType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'importBatch', batchId);
    const batch = await this.db.getRepository(ImportBatchEntity).findOne({ select: BATCH_COLUMNS, where: { id: batchId, providerId } });
    if (!batch) throw this.access.notFound('importBatch');
    return toType(batch);
  }

  /** One page of the provider's own imports, newest first (without their error lists), and how many there are. */
  async page(actor: Actor, limit: number, offset: number): Promise<ImportBatchPageType> {
    requirePage(limit, offset, MAX_IMPORT_PAGE, 'imports');
    const providerId = providerScopeOf(actor);
    const [batches, total] = await this.db.getRepository(ImportBatchEntity).findAndCount({
      select: { ...BATCH_COLUMNS, errors: false },
      where: { providerId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items: batches.map((batch) => toType({ ...batch, errors: [] })), total };
  }

  private async createBatch(
    manager: EntityManager, providerId: ProviderId, actor: Actor,
    batch: { idempotencyKey: string; filename: string; sha256: string; content: Buffer; mode: ImportModeGql },
  ): Promise<ImportBatchType> {
    const inserted = await manager.createQueryBuilder().insert().into(ImportBatchEntity)
      .values({
        providerId, idempotencyKey: batch.idempotencyKey, filename: batch.filename, format: detectFormat(batch.content), sha256: batch.sha256,
        content: batch.content, mode: batch.mode, createdByUserId: actor.userId,
      })
      .orIgnore()
      .execute();
    const createdId = inserted.identifiers[0]?.id as string | undefined;
    const batches = manager.getRepository(ImportBatchEntity);
    if (createdId) {
      await enqueueInOutbox(manager, 'hours.import', { batchId: createdId, providerId }, actor);
      return toType(await batches.findOneOrFail({ select: BATCH_COLUMNS, where: { id: createdId } }));
    }
    const earlier = await batches.findOneOrFail({ select: BATCH_COLUMNS, where: { idempotencyKey: batch.idempotencyKey } });
    if (earlier.providerId !== providerId || earlier.sha256 !== batch.sha256 || earlier.mode !== batch.mode) {
      throw new ConflictAppError('Deze indiening is al eerder gebruikt voor een ander bestand. Laad de pagina opnieuw en upload het bestand opnieuw.');
    }
    return toType(earlier);
  }
}

const isImportMode = (mode: string | undefined): mode is ImportModeGql => (IMPORT_MODES as readonly (string | undefined)[]).includes(mode);
