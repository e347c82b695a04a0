import { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '@inburgering/migrations';
import { ALL_ENTITIES } from './entities';
import './pg-types';

// The schema comes from migrations only; `synchronize` stays off everywhere, tests included.
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 10), statement_timeout: 30_000 },
  };
}
