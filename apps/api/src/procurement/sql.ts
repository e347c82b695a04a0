import type { EntityManager } from 'typeorm';

/** Runs an UPDATE … RETURNING and gives its rows (TypeORM answers UPDATE with [rows, rowCount]). */
export async function updateReturning<T>(manager: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<T[]> {
  const [rows]: [T[], number] = await manager.query(sql, params);
  return rows;
}
