// The 5,000-row hours import, end to end (upload → worker validates → one set-based write), for `npm run bench`.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { startWorker } from '../../apps/api/src/worker/create-worker';
import { loginAs } from '../support/graphql-session';
import { hoursCsv, pastWeekdays, placeClients, uploadHours } from '../support/hours-fixtures';

export interface ImportBenchResult {
  name: string;
  rows: number;
  ms: number;
}

export async function benchHoursImport(url: string, config: AppConfig): Promise<ImportBenchResult[]> {
  const pg = new Client({ connectionString: config.databaseUrl });
  await pg.connect();
  const worker = await startWorker(config, { relayIntervalMs: 50 });
  try {
    const placements = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 25, groupName: 'Bench' });
    const days = pastWeekdays(100);
    const csv = hoursCsv(placements.flatMap((p) => days.flatMap((date) => [
      { clientNumber: p.clientNumber, date, category: 'taal', planned: '2,5', attended: '2,5' },
      { clientNumber: p.clientNumber, date, category: 'KNM', planned: '1', attended: '0', reason: 'ziek' },
    ])));
    const provider = await loginAs(url, 'aanbieder@newbees.demo.nl');
    const results: ImportBenchResult[] = [];
    for (const mode of ['DRY_RUN', 'APPLY'] as const) {
      const started = performance.now();
      const upload = await uploadHours(url, provider, 'bench.csv', csv, mode, randomUUID());
      for (;;) {
        const { rows: [batch] } = await pg.query(`SELECT status FROM import_batch WHERE id = $1`, [upload.body.id]);
        if (!['QUEUED', 'RUNNING'].includes(batch.status)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      results.push({ name: `urenimport 5.000 rijen (${mode === 'DRY_RUN' ? 'proefimport' : 'importeren'})`, rows: 5000, ms: Math.round(performance.now() - started) });
    }
    return results;
  } finally {
    await worker.close();
    await pg.end();
  }
}
