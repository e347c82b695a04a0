import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkPeriodOpenForEntry, DECIDED_IMPORT_BATCH_STATUSES, formatDateNl, periodMonthOf, type HourFileFormat, type ImportBatchStatus } from '@inburgering/domain';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { logProcessing, PURPOSE } from '../../audit';
import { logger } from '../../common';
import { Clock } from '../../clock';
import { ImportBatchEntity } from '../../database';
import type { JobPayloads, FinalFailureCause, JobHandler } from '../../jobs';
import { enqueueInOutbox } from '../../outbox';
import { presenceListCells } from '../hour-entry.repository';
import { lockPeriodsForEntry, periodKey } from '../period-status-lookup';
import { parseHourFile } from './hour-file-parser';
import { writeImportRows } from './hour-import-writer';
import { mapHeader, validateRows, type ImportError, type ImportPlacement, type ImportRow } from './hour-row-validator';
import { loadValidationContext } from './import-context';
import { ImportLimitError } from './import-limits';

/** Rows validated between two progress updates (each a commit of its own, written while the next rows are checked). */
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
    const phases = new PhaseTimer();
    // Progress goes out on its own connection while the file is checked; `finish` waits for it before the final write.
    const progress = new ProgressWriter(this.db, batchId);
    progress.write({ status: 'RUNNING', processedRows: 0 });
    const finish = async (status: ImportBatchStatus, errors: ImportError[]) => {
      await progress.settled();
      await this.finish(manager, batchId, status, errors);
      logger.info({ batchId, status, ms: phases.done() }, 'urenimport afgerond');
    };

    const sheet = await parseHourFile(batch.content, batch.format as HourFileFormat).catch((err: unknown) =>
      // Over a cap: the reason names the cap. Anything else the parser trips over is an unreadable file, not a retry.
      err instanceof ImportLimitError ? err : null);
    if (sheet instanceof ImportLimitError) return finish('INVALID', [{ row: 1, column: 'bestand', message: sheet.message }]);
    if (!sheet) {
      return finish('INVALID', [{ row: 1, column: 'bestand', message: 'Het bestand kan niet worden gelezen. Gebruik het sjabloon (CSV of XLSX).' }]);
    }
    phases.mark('parse');
    progress.write({ totalRows: sheet.rows.length });
    const { columns, errors } = mapHeader(sheet.header);
    const valid: ImportRow[] = [];
    const placementsById = new Map<string, ImportPlacement>();
    // Hours from a closed presence list are corrected through that list, never overwritten by a file. Each chunk's
    // cells are looked up on another connection while the next chunk is checked (nothing of this job is written yet).
    const fromLists: Promise<string[]>[] = [];
    if (errors.length === 0) {
      const context = await loadValidationContext(this.db.manager, providerId, this.clock.today());
      for (const list of context.placements.values()) for (const p of list) placementsById.set(p.id, p);
      phases.mark('context');
      const seen = new Map<string, number>();
      for (let start = 0; start < sheet.rows.length; start += PROGRESS_CHUNK) {
        const chunk = validateRows(sheet.rows.slice(start, start + PROGRESS_CHUNK), start + 2, columns, context, seen);
        for (const row of chunk.valid) valid.push(row);
        for (const error of chunk.errors) errors.push(error);
        fromLists.push(presenceListCells(this.db.manager, providerId, chunk.valid).then((cells) => cells.map(cellKey)));
        progress.write({ processedRows: Math.min(start + PROGRESS_CHUNK, sheet.rows.length) });
      }
    }
    phases.mark('validate');
    const listed = new Set((await Promise.all(fromLists)).flat());
    for (const r of listed.size > 0 ? valid.filter((v) => listed.has(cellKey(v))) : []) {
      errors.push({ row: r.row, column: 'datum', message: `De uren van ${formatDateNl(r.date)} komen uit een afgesloten presentielijst en worden niet overschreven; corrigeer ze via die presentielijst of laat deze rij weg.` });
    }
    phases.mark('presence');
    if (errors.length > 0) errors.sort((a, b) => a.row - b.row);
    if (sheet.rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: 'gemeente', message: 'Het bestand bevat geen rijen met uren.' });
    if (errors.length > 0) return finish('INVALID', errors);

    await manager.query<unknown>(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hours.import:${providerId}`]);
    const applied = await manager.getRepository(ImportBatchEntity).existsBy({ providerId, sha256: batch.sha256, status: APPLIED, id: Not(batchId) });
    if (applied) return finish('DUPLICATE', []);
    if (batch.mode === 'DRY_RUN') return finish('VALID', []);

    // A month may have been submitted while the file was being checked: look again, under lock. (A placement's
    // municipality and client never change: they come from the validation context.)
    const municipalityOf = (r: ImportRow) => placementsById.get(r.placementId)!.municipalityId;
    const locked = await lockPeriodsForEntry(manager, providerId, valid.map((r) => ({ municipalityId: municipalityOf(r), month: periodMonthOf(r.date) })));
    const lateErrors = locked.size === 0 ? [] : valid.flatMap((r) => {
      const status = locked.get(periodKey(municipalityOf(r), periodMonthOf(r.date))) ?? 'OPEN';
      return checkPeriodOpenForEntry(status, periodMonthOf(r.date)).map((v) => ({ row: r.row, column: 'datum', message: v.message }));
    });
    if (lateErrors.length > 0) return finish('INVALID', lateErrors);
    phases.mark('lock');

    const placementIds = await writeImportRows(manager, batchId, batch.createdByUserId, valid);
    phases.mark('write');
    await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds });
    const clientIds = [...new Set(placementIds.map((id) => placementsById.get(id)!.clientId))];
    const uploader = batch.createdByUserId
      ? { userId: batch.createdByUserId, role: 'PROVIDER_USER' as const, organisationId: providerId, organisationKind: 'PROVIDER' as const, regionId: null }
      : null;
    await logProcessing(manager, uploader, 'CREATE', 'client', clientIds, PURPOSE.PROVIDER_EXECUTION);
    await finish(APPLIED, []);
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

const cellKey = (cell: { placementId: string; date: string; category: string }): string => `${cell.placementId}|${cell.date}|${cell.category}`;

/**
 * The batch's progress for the portal, written outside the job's transaction one update after the other without the
 * job waiting for each commit; `settled` waits for all of them (and throws the first failure, so the job is retried).
 */
class ProgressWriter {
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(private readonly db: DataSource, private readonly batchId: string) {}

  write(values: Partial<Pick<ImportBatchEntity, 'status' | 'processedRows' | 'totalRows'>>): void {
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      await this.db.getRepository(ImportBatchEntity).update(this.batchId, values).catch((err: unknown) => { this.failure = err; });
    });
  }

  async settled(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }
}

/** Milliseconds per step of one import, for the worker's log. */
class PhaseTimer {
  private readonly started = performance.now();
  private last = this.started;
  private readonly phases: Record<string, number> = {};

  mark(phase: string): void {
    const now = performance.now();
    this.phases[phase] = Math.round(now - this.last);
    this.last = now;
  }

  done(): Record<string, number> {
    this.mark('rest');
    return { ...this.phases, total: Math.round(this.last - this.started) };
  }
}
