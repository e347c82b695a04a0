import type { DataSource, EntityManager } from 'typeorm';
import { JobExecutionEntity } from '../database';

/**
 * Runs `work` at most once per key: the marker row and the work's writes commit together. Returns false when already
 * done. `always` runs in the same transaction whether or not the work ran (the outbox marks its row completed there).
 * The marker's `finished_at` is the moment the work ended, not the transaction's start.
 */
export async function runOnce(
  db: DataSource,
  jobKey: string,
  jobName: string,
  work: (manager: EntityManager) => Promise<void>,
  always?: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (manager) => {
    const inserted = await manager.createQueryBuilder().insert().into(JobExecutionEntity).values({ jobKey, jobName }).orIgnore().returning('job_key').execute();
    const raw: unknown = inserted.raw;
    const ran = Array.isArray(raw) && raw.length > 0;
    if (ran) {
      await work(manager);
      await manager.getRepository(JobExecutionEntity).update({ jobKey }, { finishedAt: () => 'clock_timestamp()' });
    }
    await always?.(manager);
    return ran;
  });
}
