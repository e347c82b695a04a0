import type { DataSource, EntityManager } from 'typeorm';
import { JobExecutionEntity } from '../database';

/** Runs `work` at most once per key: the marker row and the work's writes commit together. Returns false when already done. */
export async function runOnce(db: DataSource, jobKey: string, jobName: string, work: (manager: EntityManager) => Promise<void>): Promise<boolean> {
  return db.transaction(async (manager) => {
    const inserted = await manager.createQueryBuilder().insert().into(JobExecutionEntity).values({ jobKey, jobName }).orIgnore().returning('job_key').execute();
    const raw: unknown = inserted.raw;
    if (!Array.isArray(raw) || raw.length === 0) return false;
    await work(manager);
    return true;
  });
}
