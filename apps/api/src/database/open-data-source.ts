import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** A DataSource outside Nest: for the CLI, the seed, and tests. */
export async function openDataSource(databaseUrl: string): Promise<DataSource> {
  const db = new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 4 } });
  return db.initialize();
}
