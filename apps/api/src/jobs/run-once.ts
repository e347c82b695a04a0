import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` at most once per key: the marker row and the work's writes commit together. Returns false when already done. */
export async function runOnce(db: DataSource, jobKey: string, jobName: string, work: (manager: EntityManager) => Promise<void>): Promise<boolean> {
  return db.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO job_execution (job_key, job_name) VALUES ($1, $2) ON CONFLICT (job_key) DO NOTHING RETURNING job_key`,
      [jobKey, jobName],
    );
    if (inserted.length === 0) return false;
    await work(manager);
    return true;
  });
}
