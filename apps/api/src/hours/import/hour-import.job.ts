import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkPeriodOpenForEntry, periodMonthOf, type HourPeriodStatus } from '@inburgering/domain';
import { DataSource, EntityManager } from 'typeorm';
import { logProcessing, PURPOSE } from '../../audit/processing-log';
import type { JobPayloads } from '../../jobs/job-definitions';
import type { FinalFailureCause, JobHandler } from '../../jobs/job-handler';
import { enqueueInOutbox } from '../../outbox/outbox';
import { periodKey } from '../period-status-lookup';
import { parseHourFile, type HourFileFormat } from './hour-file-parser';
import { writeImportRows } from './hour-import-writer';
import { mapHeader, validateRows, type ImportError, type ImportRow } from './hour-row-validator';
import { loadValidationContext } from './import-context';
import { ImportLimitError } from './import-limits';

/** Rows validated between two progress updates. */
const PROGRESS_CHUNK = 250;
/** Errors kept for the report; the count is always complete. */
const MAX_REPORTED_ERRORS = 1_000;
const FINAL_STATUSES = ['VALID', 'INVALID', 'APPLIED', 'DUPLICATE'];

interface BatchRow {
  id: string;
  provider_id: string;
  sha256: string;
  format: HourFileFormat;
  mode: 'DRY_RUN' | 'APPLY';
  status: string;
  content: Buffer;
  created_by_user_id: string | null;
}

/**
 * Validates an uploaded hours file and, in APPLY mode, writes it whole or not at all. Progress is committed outside the
 * job's transaction so the portal sees it; the rows, the final status and the job marker commit together in that
 * transaction, so a crash leaves nothing and the retry starts over.
 */
@Injectable()
export class HourImportJob implements JobHandler<'hours.import'> {
  readonly jobName = 'hours.import' as const;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  jobKey({ batchId }: JobPayloads['hours.import']): string {
    return `hours.import:${batchId}`;
  }

  async handle({ batchId, providerId }: JobPayloads['hours.import'], manager: EntityManager): Promise<void> {
    const [batch]: BatchRow[] = await manager.query(`SELECT * FROM import_batch WHERE id = $1 AND provider_id = $2`, [batchId, providerId]);
    if (!batch || FINAL_STATUSES.includes(batch.status)) return;
    await this.db.query(`UPDATE import_batch SET status = 'RUNNING', processed_rows = 0 WHERE id = $1`, [batchId]);

    const sheet = await parseHourFile(batch.content, batch.format).catch((err: unknown) =>
      // Over a cap: the reason names the cap. Anything else the parser trips over is an unreadable file, not a retry.
      err instanceof ImportLimitError ? err : null);
    if (sheet instanceof ImportLimitError) return this.finish(manager, batchId, 'INVALID', [{ row: 1, column: 'bestand', message: sheet.message }]);
    if (!sheet) {
      return this.finish(manager, batchId, 'INVALID', [{ row: 1, column: 'bestand', message: 'Het bestand kan niet worden gelezen. Gebruik het sjabloon (CSV of XLSX).' }]);
    }
    await this.db.query(`UPDATE import_batch SET total_rows = $2 WHERE id = $1`, [batchId, sheet.rows.length]);
    const { columns, errors } = mapHeader(sheet.header);
    const valid: ImportRow[] = [];
    if (errors.length === 0) {
      const context = await loadValidationContext(this.db, providerId);
      const seen = new Map<string, number>();
      for (let start = 0; start < sheet.rows.length; start += PROGRESS_CHUNK) {
        const chunk = validateRows(sheet.rows.slice(start, start + PROGRESS_CHUNK), start + 2, columns, context, seen);
        valid.push(...chunk.valid);
        errors.push(...chunk.errors);
        const processed = Math.min(start + PROGRESS_CHUNK, sheet.rows.length);
        await this.db.query(`UPDATE import_batch SET processed_rows = $2 WHERE id = $1`, [batchId, processed]);
      }
    }
    if (sheet.rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: 'gemeente', message: 'Het bestand bevat geen rijen met uren.' });
    if (errors.length > 0) return this.finish(manager, batchId, 'INVALID', errors);

    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('hours.import:' || $1::text))`, [providerId]);
    const [applied] = await manager.query(
      `SELECT 1 FROM import_batch WHERE provider_id = $1 AND sha256 = $2 AND status = 'APPLIED' AND id <> $3 LIMIT 1`,
      [providerId, batch.sha256, batchId],
    );
    if (applied) return this.finish(manager, batchId, 'DUPLICATE', []);
    if (batch.mode === 'DRY_RUN') return this.finish(manager, batchId, 'VALID', []);

    // A month may have been submitted while the file was being checked: look again, under lock.
    const locked = await this.lockedNow(manager, providerId);
    const placementMunicipality = new Map<string, string>(
      (await manager.query(`SELECT id, municipality_id FROM placement WHERE id = ANY($1::uuid[])`, [[...new Set(valid.map((r) => r.placementId))]]) as { id: string; municipality_id: string }[])
        .map((p) => [p.id, p.municipality_id]),
    );
    const lateErrors = valid.flatMap((r) => {
      const status = locked.get(periodKey(placementMunicipality.get(r.placementId)!, periodMonthOf(r.date))) ?? 'OPEN';
      return checkPeriodOpenForEntry(status, periodMonthOf(r.date)).map((v) => ({ row: r.row, column: 'datum', message: v.message }));
    });
    if (lateErrors.length > 0) return this.finish(manager, batchId, 'INVALID', lateErrors);

    const placementIds = await writeImportRows(manager, batchId, batch.created_by_user_id, valid);
    await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds });
    const clients: { client_id: string }[] = await manager.query(`SELECT DISTINCT client_id FROM placement WHERE id = ANY($1::uuid[])`, [placementIds]);
    const uploader = batch.created_by_user_id
      ? { userId: batch.created_by_user_id, role: 'PROVIDER_USER' as const, organisationId: providerId, organisationKind: 'PROVIDER' as const, regionId: null }
      : null;
    await logProcessing(manager, uploader, 'CREATE', 'client', clients.map((c) => c.client_id), PURPOSE.PROVIDER_EXECUTION);
    await this.finish(manager, batchId, 'APPLIED', []);
  }

  /** After the last retry, or when the file kept stopping the worker, the batch says so instead of staying "bezig" forever. */
  async onFinalFailure({ batchId }: JobPayloads['hours.import'], cause: FinalFailureCause): Promise<void> {
    const message = cause === 'STALLED'
      ? 'Het verwerken van dit bestand liet de verwerking herhaaldelijk vastlopen en is gestopt. Er is niets opgeslagen; controleer het bestand (gebruik het sjabloon) en upload het opnieuw.'
      : 'Het verwerken is mislukt door een storing. Er is niets opgeslagen; upload het bestand opnieuw.';
    await this.db.query(
      `UPDATE import_batch SET status = 'FAILED', finished_at = now(), error_count = 1,
              errors = jsonb_build_array(jsonb_build_object('row', 0, 'column', 'bestand', 'message', $2::text))
        WHERE id = $1 AND status NOT IN ('VALID', 'INVALID', 'APPLIED', 'DUPLICATE')`,
      [batchId, message],
    );
  }

  private async lockedNow(manager: EntityManager, providerId: string): Promise<Map<string, HourPeriodStatus>> {
    const rows: { municipality_id: string; month: string; status: HourPeriodStatus }[] = await manager.query(
      `SELECT municipality_id, month, status FROM hour_period WHERE provider_id = $1 AND status <> 'OPEN' FOR SHARE`,
      [providerId],
    );
    return new Map(rows.map((r) => [periodKey(r.municipality_id, r.month), r.status]));
  }

  private async finish(manager: EntityManager, batchId: string, status: string, errors: ImportError[]): Promise<void> {
    await manager.query(
      `UPDATE import_batch SET status = $2, errors = $3::jsonb, error_count = $4, processed_rows = coalesce(total_rows, 0), finished_at = now() WHERE id = $1`,
      [batchId, status, JSON.stringify(errors.slice(0, MAX_REPORTED_ERRORS)), errors.length],
    );
  }
}
