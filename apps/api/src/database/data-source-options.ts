import { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '@inburgering/migrations';
import { databasePoolSize } from '../env';
import { ALL_ENTITIES } from './entities';
import './pg-types';
import { SafeTypeormLogger } from './safe-typeorm-logger';

// The schema comes from migrations only; `synchronize` stays off everywhere, tests included.
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Our logger never writes parameters; failing statements are reported by the error formatter (code and text only).
    logger: new SafeTypeormLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 5_000,
    uuidExtension: 'pgcrypto',
    // The pool keeps the connections it opened (min = max): a backend that has run a page plans it again at once, where a new
    // one (after node-postgres's 10 s idle close) first loads its catalog caches, which made 10 users at once 3–4× slower.
    extra: { max: databasePoolSize(), min: databasePoolSize(), statement_timeout: 30_000 },
  };
}
