import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictAppError, NotFoundAppError, ValidationAppError } from '../../common/app-errors';
import { enqueueInOutbox } from '../../outbox/outbox';
import type { Actor } from '../../tenancy/actor';
import { providerScopeOf, type ProviderId } from '../../tenancy/tenant-scope';
import { detectFormat } from './hour-file-parser';
import { ApplyImportInput, ImportBatchType, ImportModeGql, ImportStatusGql } from './import.types';

export interface UploadedHoursFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

interface BatchRow {
  id: string;
  provider_id: string;
  filename: string;
  format: string;
  sha256: string;
  mode: ImportModeGql;
  status: ImportStatusGql;
  total_rows: number | null;
  processed_rows: number;
  error_count: number;
  errors: { row: number; column: string; message: string }[];
  created_at: Date;
  finished_at: Date | null;
}

const BATCH_COLUMNS = `id, provider_id, filename, format, sha256, mode, status, total_rows, processed_rows, error_count, errors, created_at, finished_at`;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

const toType = (row: BatchRow): ImportBatchType =>
  Object.assign(new ImportBatchType(), {
    id: row.id,
    filename: row.filename,
    format: row.format,
    mode: row.mode,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    errorCount: row.error_count,
    errors: row.errors,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  });

/** Uploaded hours files: stored with their idempotency key and checked/applied by the worker. */
@Injectable()
export class HourImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores the file and queues its check; the same idempotency key returns the batch it created the first time. */
  async upload(actor: Actor, file: UploadedHoursFile | undefined, mode: string | undefined, idempotencyKey: string | undefined): Promise<ImportBatchType> {
    const providerId = providerScopeOf(actor);
    const fields = [];
    if (!file || file.size === 0) fields.push({ field: 'file', code: 'FILE_REQUIRED', message: 'Kies een CSV- of XLSX-bestand met uren.' });
    if (mode !== ImportModeGql.DRY_RUN && mode !== ImportModeGql.APPLY) fields.push({ field: 'mode', code: 'MODE_INVALID', message: 'Kies proefimport (DRY_RUN) of importeren (APPLY).' });
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      fields.push({ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_INVALID', message: 'De kop Idempotency-Key ontbreekt of is ongeldig (8 tot 100 letters, cijfers, - of _).' });
    }
    if (fields.length > 0 || !file) throw new ValidationAppError(fields);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return this.db.transaction(async (manager) => {
      const filename = file.originalname.slice(0, 200) || 'uren';
      return this.createBatch(manager, providerId, actor, { idempotencyKey: idempotencyKey!, filename, sha256, content: file.buffer, mode: mode as ImportModeGql });
    });
  }

  /** Applies a checked dry run: a new APPLY batch with the same file, under a new idempotency key. */
  async applyDryRun(actor: Actor, input: ApplyImportInput): Promise<ImportBatchType> {
    const providerId = providerScopeOf(actor);
    return this.db.transaction(async (manager) => {
      const [dryRun]: (BatchRow & { content: Buffer })[] = await manager.query(
        `SELECT ${BATCH_COLUMNS}, content FROM import_batch WHERE id = $1 AND provider_id = $2`,
        [input.batchId, providerId],
      );
      if (!dryRun) throw new NotFoundAppError('Deze import bestaat niet of hoort niet bij uw organisatie.');
      if (dryRun.mode !== ImportModeGql.DRY_RUN || dryRun.status !== ImportStatusGql.VALID) {
        throw new ValidationAppError([{ field: 'batchId', code: 'DRY_RUN_NOT_VALID', message: 'Alleen een goedgekeurde proefimport zonder fouten kan worden geïmporteerd.' }]);
      }
      return this.createBatch(manager, providerId, actor, {
        idempotencyKey: input.idempotencyKey, filename: dryRun.filename, sha256: dryRun.sha256, content: dryRun.content, mode: ImportModeGql.APPLY,
      });
    });
  }

  async get(actor: Actor, batchId: string): Promise<ImportBatchType> {
    const providerId = providerScopeOf(actor);
    const [row]: BatchRow[] = await this.db.query(`SELECT ${BATCH_COLUMNS} FROM import_batch WHERE id = $1 AND provider_id = $2`, [batchId, providerId]);
    if (!row) throw new NotFoundAppError('Deze import bestaat niet of hoort niet bij uw organisatie.');
    return toType(row);
  }

  async recent(actor: Actor): Promise<ImportBatchType[]> {
    const providerId = providerScopeOf(actor);
    const rows: BatchRow[] = await this.db.query(
      `SELECT id, provider_id, filename, format, sha256, mode, status, total_rows, processed_rows, error_count, '[]'::jsonb AS errors, created_at, finished_at
         FROM import_batch WHERE provider_id = $1 ORDER BY created_at DESC LIMIT 20`,
      [providerId],
    );
    return rows.map(toType);
  }

  private async createBatch(
    manager: EntityManager, providerId: ProviderId, actor: Actor,
    batch: { idempotencyKey: string; filename: string; sha256: string; content: Buffer; mode: ImportModeGql },
  ): Promise<ImportBatchType> {
    const [created]: BatchRow[] = await manager.query(
      `INSERT INTO import_batch (provider_id, idempotency_key, filename, format, sha256, content, mode, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${BATCH_COLUMNS}`,
      [providerId, batch.idempotencyKey, batch.filename, detectFormat(batch.content), batch.sha256, batch.content, batch.mode, actor.userId],
    );
    if (created) {
      await enqueueInOutbox(manager, 'hours.import', { batchId: created.id, providerId });
      return toType(created);
    }
    const [earlier]: BatchRow[] = await manager.query(`SELECT ${BATCH_COLUMNS} FROM import_batch WHERE idempotency_key = $1`, [batch.idempotencyKey]);
    if (earlier.provider_id !== providerId || earlier.sha256 !== batch.sha256 || earlier.mode !== batch.mode) {
      throw new ConflictAppError('Deze indiening is al eerder gebruikt voor een ander bestand. Laad de pagina opnieuw en upload het bestand opnieuw.');
    }
    return toType(earlier);
  }
}
