import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkPeriodOpenForEntry, DECIDED_IMPORT_BATCH_STATUSES, formatDateNl, periodMonthOf, type HourFileFormat, type ImportBatchStatus } from '@inburgering/domain';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { logProcessing, PURPOSE } from '../../audit';
import { Clock } from '../../clock';
import { ImportBatchEntity, PlacementEntity } from '../../database';
import type { JobPayloads, FinalFailureCause, JobHandler } from '../../jobs';
import { enqueueInOutbox } from '../../outbox';
import { presenceListCells } from '../hour-entry.repository';
import { lockPeriodsForEntry, periodKey } from '../period-status-lookup';
import { parseHourFile } from './hour-file-parser';
import { writeImportRows } from './hour-import-writer';
import { mapHeader, validateRows, type ImportError, type ImportRow } from './hour-row-validator';
import { loadValidationContext } from './import-context';
import { ImportLimitError } from './import-limits';

/** Rows validated between two progress updates (each is a commit of its own: 20 of them cost a 5,000-row file ~0.3 s). */
const PROGRESS_CHUNK = 1_000;
/** Errors kept for the report; the count is always complete. */
const MAX_REPORTED_ERRORS = 1_000;
const APPLIED: ImportBatchStatus = 'APPLIED';
/**
 * When the job finished: the database's wall clock at the final write (as `created_at` is the database's time of the
 * upload), not the transaction's start (`now()`) nor a business date from the Clock a test may have stopped.
 */
const FINISHED_NOW = 'clock_timestamp()';

/**
 * Validates an uploaded hours file and, in APPLY mode, writes it whole or not at all. Progress is committed outside the
 * job's transaction so the portal sees it; the rows, the final status and the job marker commit together in that
 * transaction, so a crash leaves nothing and the retry starts over.
 */
@Injectable()
export class HourImportJob implements JobHandler<'hours.import'> {
  readonly jobName = 'hours.import' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  jobKey({ batchId }: JobPayloads['hours.import']): string {
    return `hours.import:${batchId}`;
  }

  async handle({ batchId, providerId }: JobPayloads['hours.import'], manager: EntityManager): Promise<void> {
    const batch = await manager.getRepository(ImportBatchEntity).findOneBy({ id: batchId, providerId });
    if (!batch || DECIDED_IMPORT_BATCH_STATUSES.includes(batch.status as ImportBatchStatus)) return;
    const progress = this.db.getRepository(ImportBatchEntity);
    const running: ImportBatchStatus = 'RUNNING';
    await progress.update(batchId, { status: running, processedRows: 0 });

    const sheet = await parseHourFile(batch.content, batch.format as HourFileFormat).catch((err: unknown) =>
      // Over a cap: the reason names the cap. Anything else the parser trips over is an unreadable file, not a retry.
      err instanceof ImportLimitError ? err : null);
    if (sheet instanceof ImportLimitError) return this.finish(manager, batchId, 'INVALID', [{ row: 1, column: 'bestand', message: sheet.message }]);
    if (!sheet) {
      return this.finish(manager, batchId, 'INVALID', [{ row: 1, column: 'bestand', message: 'Het bestand kan niet worden gelezen. Gebruik het sjabloon (CSV of XLSX).' }]);
    }
    await progress.update(batchId, { totalRows: sheet.rows.length });
    const { columns, errors } = mapHeader(sheet.header);
    const valid: ImportRow[] = [];
    if (errors.length === 0) {
      const context = await loadValidationContext(this.db.manager, providerId, this.clock.today());
      const seen = new Map<string, number>();
      for (let start = 0; start < sheet.rows.length; start += PROGRESS_CHUNK) {
        const chunk = validateRows(sheet.rows.slice(start, start + PROGRESS_CHUNK), start + 2, columns, context, seen);
        valid.push(...chunk.valid);
        errors.push(...chunk.errors);
        await progress.update(batchId, { processedRows: Math.min(start + PROGRESS_CHUNK, sheet.rows.length) });
      }
    }
    // Hours from a closed presence list are corrected through that list, never overwritten by a file.
    const fromLists = new Set((await presenceListCells(manager, providerId, valid)).map((c) => `${c.placementId}|${c.date}|${c.category}`));
    for (const r of valid.filter((v) => fromLists.has(`${v.placementId}|${v.date}|${v.category}`))) {
      errors.push({ row: r.row, column: 'datum', message: `De uren van ${formatDateNl(r.date)} komen uit een afgesloten presentielijst en worden niet overschreven; corrigeer ze via die presentielijst of laat deze rij weg.` });
    }
    if (errors.length > 0) errors.sort((a, b) => a.row - b.row);
    if (sheet.rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: 'gemeente', message: 'Het bestand bevat geen rijen met uren.' });
    if (errors.length > 0) return this.finish(manager, batchId, 'INVALID', errors);

    await manager.query<unknown>(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hours.import:${providerId}`]);
    const applied = await manager.getRepository(ImportBatchEntity).existsBy({ providerId, sha256: batch.sha256, status: APPLIED, id: Not(batchId) });
    if (applied) return this.finish(manager, batchId, 'DUPLICATE', []);
    if (batch.mode === 'DRY_RUN') return this.finish(manager, batchId, 'VALID', []);

    // A month may have been submitted while the file was being checked: look again, under lock.
    const placements = await manager.getRepository(PlacementEntity).find({
      select: { id: true, municipalityId: true, clientId: true },
      where: { id: In([...new Set(valid.map((r) => r.placementId))]) },
    });
    const placementMunicipality = new Map(placements.map((p) => [p.id, p.municipalityId]));
    const locked = await lockPeriodsForEntry(manager, providerId, valid.map((r) => ({ municipalityId: placementMunicipality.get(r.placementId)!, month: periodMonthOf(r.date) })));
    const lateErrors = valid.flatMap((r) => {
      const status = locked.get(periodKey(placementMunicipality.get(r.placementId)!, periodMonthOf(r.date))) ?? 'OPEN';
      return checkPeriodOpenForEntry(status, periodMonthOf(r.date)).map((v) => ({ row: r.row, column: 'datum', message: v.message }));
    });
    if (lateErrors.length > 0) return this.finish(manager, batchId, 'INVALID', lateErrors);

    const placementIds = await writeImportRows(manager, batchId, batch.createdByUserId, valid);
    await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds });
    const written = new Set(placementIds);
    const clientIds = [...new Set(placements.filter((p) => written.has(p.id)).map((p) => p.clientId))];
    const uploader = batch.createdByUserId
      ? { userId: batch.createdByUserId, role: 'PROVIDER_USER' as const, organisationId: providerId, organisationKind: 'PROVIDER' as const, regionId: null }
      : null;
    await logProcessing(manager, uploader, 'CREATE', 'client', clientIds, PURPOSE.PROVIDER_EXECUTION);
    await this.finish(manager, batchId, APPLIED, []);
  }

  /** After the last retry, or when the file kept stopping the worker, the batch says so instead of staying "bezig" forever. */
  async onFinalFailure({ batchId }: JobPayloads['hours.import'], cause: FinalFailureCause): Promise<void> {
    const message = cause === 'STALLED'
      ? 'Het verwerken van dit bestand liet de verwerking herhaaldelijk vastlopen en is gestopt. Er is niets opgeslagen; controleer het bestand (gebruik het sjabloon) en upload het opnieuw.'
      : 'Het verwerken is mislukt door een storing. Er is niets opgeslagen; upload het bestand opnieuw.';
    const failed: ImportBatchStatus = 'FAILED';
    await this.db.getRepository(ImportBatchEntity).update(
      { id: batchId, status: Not(In([...DECIDED_IMPORT_BATCH_STATUSES])) },
      { status: failed, finishedAt: () => FINISHED_NOW, errorCount: 1, errors: [{ row: 0, column: 'bestand', message }] },
    );
  }

  private async finish(manager: EntityManager, batchId: string, status: ImportBatchStatus, errors: ImportError[]): Promise<void> {
    await manager.getRepository(ImportBatchEntity).createQueryBuilder().update()
      .set({ status, errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length, processedRows: () => 'coalesce(total_rows, 0)', finishedAt: () => FINISHED_NOW })
      .where('id = :batchId', { batchId })
      .execute();
  }
}
