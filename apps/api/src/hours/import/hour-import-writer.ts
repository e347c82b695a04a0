import type { EntityManager } from 'typeorm';
import { insertNewCells, isCellConflict, writeCells } from '../hour-entry.repository';
import type { ImportPlacement, ImportRow } from './hour-row-validator';
import { TaskChain } from './task-chain';

/**
 * Writes an import's checked chunks in the job's transaction, each in one set-based statement while the job checks the
 * next chunk. A file's days are mostly new: a chunk is inserted plainly (as cheap as COPY) under a savepoint; when one
 * of its days is there already, the chunk is taken back and written with writeCells (a day there is replaced), and so
 * is every later chunk. `settled` gives the placements written, or null when a day whose hours come from a closed
 * presence list was left alone (nothing is written after that; the caller takes the rest back and names those rows).
 * A database error is thrown: the job's transaction is lost and the job retried.
 */
export class ImportRowWriter {
  private readonly writes = new TaskChain();
  private readonly placementIds = new Set<string>();
  private replacing = false;
  private refused = false;

  constructor(
    private readonly manager: EntityManager,
    private readonly batch: { id: string; createdByUserId: string | null },
    private readonly placements: ReadonlyMap<string, ImportPlacement>,
  ) {}

  write(rows: readonly ImportRow[]): void {
    if (rows.length === 0) return;
    this.writes.run(async () => {
      if (this.refused) return;
      if (!this.replacing) this.replacing = !(await this.insert(rows));
      if (this.replacing) {
        const written = await writeCells(this.manager, rows, this.batch.createdByUserId, this.batch.id);
        if (written.length < rows.length) return void (this.refused = true);
      }
      for (const row of rows) this.placementIds.add(row.placementId);
    });
  }

  async settled(): Promise<string[] | null> {
    await this.writes.settled();
    return this.refused ? null : [...this.placementIds];
  }

  /** The rows as new cells; false (and nothing written) when one of them is there already. */
  private async insert(rows: readonly ImportRow[]): Promise<boolean> {
    await this.manager.query('SAVEPOINT hour_import_chunk');
    const inserted = await insertNewCells(this.manager, rows, (id) => this.placements.get(id)!, this.batch.createdByUserId, this.batch.id).then(() => true, (err: unknown) => {
      if (!isCellConflict(err)) throw err;
      return false;
    });
    await this.manager.query(inserted ? 'RELEASE SAVEPOINT hour_import_chunk' : 'ROLLBACK TO SAVEPOINT hour_import_chunk');
    return inserted;
  }
}
