import { Injectable } from '@nestjs/common';
import { calendarDateInAmsterdam } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { JobPayloads } from '../jobs/job-definitions';
import type { JobHandler } from '../jobs/job-handler';
import { recordApproachingDeadlines, SCAN_COLUMNS } from './deadline-scan';

@Injectable()
export class ScanClientDeadlinesJob implements JobHandler<'deadlines.scan-client'> {
  readonly jobName = 'deadlines.scan-client' as const;

  async handle({ clientId, municipalityId }: JobPayloads['deadlines.scan-client'], manager: EntityManager): Promise<void> {
    const rows = await manager.query(`SELECT ${SCAN_COLUMNS} FROM client WHERE id = $1 AND municipality_id = $2`, [clientId, municipalityId]);
    await recordApproachingDeadlines(manager, rows, calendarDateInAmsterdam(new Date()));
  }
}

const BATCH = 2_000;

@Injectable()
export class ScanAllDeadlinesJob implements JobHandler<'deadlines.scan-all'> {
  readonly jobName = 'deadlines.scan-all' as const;

  /** Once per calendar day, however often the scheduler or a retry delivers it. */
  jobKey(payload: JobPayloads['deadlines.scan-all']): string {
    return `deadlines.scan-all:${payload.scanDate ?? calendarDateInAmsterdam(new Date())}`;
  }

  async handle(payload: JobPayloads['deadlines.scan-all'], manager: EntityManager): Promise<void> {
    const today = payload.scanDate ?? calendarDateInAmsterdam(new Date());
    // Keyset pagination keeps memory flat however many clients a region has.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await manager.query(`SELECT ${SCAN_COLUMNS} FROM client WHERE id > $1 ORDER BY id LIMIT $2`, [after, BATCH]);
      if (rows.length === 0) return;
      await recordApproachingDeadlines(manager, rows, today);
      after = rows[rows.length - 1].id;
    }
  }
}

export const DEADLINE_JOBS = [ScanClientDeadlinesJob, ScanAllDeadlinesJob];
