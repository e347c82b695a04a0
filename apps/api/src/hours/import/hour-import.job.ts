import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DECIDED_IMPORT_BATCH_STATUSES, formatDateNl, type HourFileFormat, type HourPeriodStatus, type ImportBatchStatus } from '@inburgering/domain';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { logProcessing, PURPOSE } from '../../audit';
import { ConflictAppError, logger } from '../../common';
import { Clock } from '../../clock';
import { ImportBatchEntity } from '../../database';
import type { JobPayloads, FinalFailureCause, JobHandler } from '../../jobs';
import { enqueueInOutbox } from '../../outbox';
import type { ProviderId } from '../../tenancy';
import { presenceListCells } from '../hour-entry.repository';
import { lockedPeriods, lockPeriodsForEntry } from '../period-status-lookup';
import { parseHourFile } from './hour-file-parser';
import { ImportRowWriter } from './hour-import-writer';
import { fileReferences, mapHeader, validateRows, type ImportError, type ImportPlacement, type ImportRow, type ValidationContext } from './hour-row-validator';
import { loadMunicipalities, loadPlacements } from './import-context';
import { ImportLimitError } from './import-limits';
import { TaskChain } from './task-chain';

/**
 * Rows validated between two progress updates (each a commit of its own, written while the next rows are checked); an
 * import writes each such chunk while it checks the next.
 */
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
    // The provider's municipalities, read on the pool while the batch is fetched and its file parsed. (Should the job
    // stop early, the answer is dropped.)
    const municipalitiesLoad = loadMunicipalities(this.db.manager, providerId);
    municipalitiesLoad.catch(() => undefined);
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
    if (sheet.rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: 'gemeente', message: 'Het bestand bevat geen rijen met uren.' });
    const dryRun = batch.mode === 'DRY_RUN';
    const valid: ImportRow[] = [];
    const placementsById = new Map<string, ImportPlacement>();
    // Hours from a closed presence list are corrected through that list, never overwritten by a file. A dry run looks
    // each chunk's cells up on another connection while the next chunk is checked; an import finds them at its write,
    // which leaves such a day alone (ImportRowWriter), and names them then, so the common case pays no lookup.
    const fromLists: Promise<ImportRow[]>[] = [];
    let duplicate = false;
    let writer: ImportRowWriter | null = null;
    if (errors.length === 0) {
      const municipalities = await municipalitiesLoad;
      const references = fileReferences(sheet.rows, columns, municipalities);
      // The placements of the file's clients on the pool, while this transaction takes its locks.
      const placementsLoad = loadPlacements(this.db.manager, providerId, references.clients);
      placementsLoad.catch(() => undefined);
      let periods: Map<string, HourPeriodStatus>;
      if (!dryRun) {
        // An import takes its locks before it checks the rows, so each chunk that passes is written while the next one
        // is checked: the provider's imports one at a time, and the months of the file (FOR SHARE: a submission waits
        // for this import, or this import sees the month submitted and refuses its rows). All under a savepoint, taken
        // back when any row is refused.
        duplicate = await this.lockForImport(manager, providerId, batch);
        if (!duplicate) {
          await manager.query('SAVEPOINT hour_import_write');
          periods = await lockPeriodsForEntry(manager, providerId, references.periods);
          writer = new ImportRowWriter(manager, batch, placementsById);
        }
      }
      periods ??= await lockedPeriods(this.db.manager, providerId, references.periods.map((p) => p.municipalityId), references.periods.map((p) => p.month));
      const context: ValidationContext = { municipalities, placements: await placementsLoad, periods, today: this.clock.today() };
      for (const list of context.placements.values()) for (const p of list) placementsById.set(p.id, p);
      phases.mark('context');
      const seen = new Map<string, number>();
      for (let start = 0; start < sheet.rows.length; start += PROGRESS_CHUNK) {
        const chunk = validateRows(sheet.rows.slice(start, start + PROGRESS_CHUNK), start + 2, columns, context, seen);
        for (const row of chunk.valid) valid.push(row);
        for (const error of chunk.errors) errors.push(error);
        if (dryRun) fromLists.push(rowsFromPresenceLists(this.db.manager, providerId, chunk.valid));
        if (errors.length === 0) writer?.write(chunk.valid);
        progress.write({ processedRows: Math.min(start + PROGRESS_CHUNK, sheet.rows.length) });
        // Let the chunk's write (and progress) go out before the next chunk is checked.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    phases.mark('validate');
    const placementIds = writer ? await writer.settled() : null;
    phases.mark('write');
    if (writer && (errors.length > 0 || !placementIds)) {
      await manager.query('ROLLBACK TO SAVEPOINT hour_import_write');
      // A file refused anyway names its presence-list days too, so one upload shows everything to fix; a write that
      // left such a day alone names them as well.
      const listed = await rowsFromPresenceLists(this.db.manager, providerId, valid);
      // Refused at the write without a list's day in sight (it changed again meanwhile): this attempt fails, the retry looks anew.
      if (errors.length === 0 && listed.length === 0) throw new ConflictAppError('Een deel van deze uren kwam tijdens het importeren uit een afgesloten presentielijst. De import wordt opnieuw geprobeerd.');
      errors.push(...presenceListErrors(listed));
    }
    errors.push(...presenceListErrors((await Promise.all(fromLists)).flat()));
    phases.mark('presence');
    if (errors.length > 0) errors.sort((a, b) => a.row - b.row);
    if (errors.length > 0) return finish('INVALID', errors);
    if (dryRun) duplicate = await this.lockForImport(manager, providerId, batch);
    if (duplicate) return finish('DUPLICATE', []);
    if (dryRun) return finish('VALID', []);
    // An import without refusals has a writer (it was no duplicate) whose writes all went through.
    if (!placementIds) throw new Error('Urenimport zonder geschreven rijen');

    await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds }, null);
    const clientIds = [...new Set(placementIds.map((id) => placementsById.get(id)!.clientId))];
    const uploader = batch.createdByUserId
      ? { userId: batch.createdByUserId, role: 'PROVIDER_USER' as const, organisationId: providerId, organisationKind: 'PROVIDER' as const, regionId: null }
      : null;
    await logProcessing(manager, uploader, 'CREATE', 'client', clientIds, PURPOSE.PROVIDER_EXECUTION);
    await finish(APPLIED, []);
  }

  /** The provider's imports one at a time (until this transaction ends); true when the same file was applied already. */
  private async lockForImport(manager: EntityManager, providerId: ProviderId, batch: ImportBatchEntity): Promise<boolean> {
    await manager.query<unknown>(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hours.import:${providerId}`]);
    return manager.getRepository(ImportBatchEntity).existsBy({ providerId, sha256: batch.sha256, status: APPLIED, id: Not(batch.id) });
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

/** Of these rows, the ones whose day (of that category) has its hours from a closed presence list. */
async function rowsFromPresenceLists(manager: EntityManager, providerId: ProviderId, rows: readonly ImportRow[]): Promise<ImportRow[]> {
  const listed = new Set((await presenceListCells(manager, providerId, rows)).map(cellKey));
  return listed.size === 0 ? [] : rows.filter((r) => listed.has(cellKey(r)));
}

function presenceListErrors(rows: readonly ImportRow[]): ImportError[] {
  return rows.map((r) => ({
    row: r.row, column: 'datum',
    message: `De uren van ${formatDateNl(r.date)} komen uit een afgesloten presentielijst en worden niet overschreven; corrigeer ze via die presentielijst of laat deze rij weg.`,
  }));
}

/**
 * The batch's progress for the portal, written outside the job's transaction one update after the other without the
 * job waiting for each commit; `settled` waits for all of them (and throws the first failure, so the job is retried).
 */
class ProgressWriter {
  private readonly updates = new TaskChain();

  constructor(private readonly db: DataSource, private readonly batchId: string) {}

  write(values: Partial<Pick<ImportBatchEntity, 'status' | 'processedRows' | 'totalRows'>>): void {
    this.updates.run(async () => { await this.db.getRepository(ImportBatchEntity).update(this.batchId, values); });
  }

  settled(): Promise<void> {
    return this.updates.settled();
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
