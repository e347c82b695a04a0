import { Injectable, Logger } from '@nestjs/common';
import { housekeepingCutoffs } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import type { JobHandler, JobPayloads } from '../jobs';

/** What one cleanup removed, per kind of record. */
export interface HousekeepingResult {
  outboxMessages: number;
  jobExecutions: number;
  sessions: number;
  importFiles: number;
  figuresVersions: number;
}

/**
 * Removes the platform's working records once they stopped mattering (issue 14): done outbox rows, old job
 * executions, expired sessions, the bytes of old hours files (the batch and its errors stay), and superseded figures
 * data versions. Set-based, one
 * statement per table; running it twice removes nothing more.
 */
export async function cleanUp(manager: EntityManager, runDate: string): Promise<HousekeepingResult> {
  const cutoff = housekeepingCutoffs(runDate);
  const [, outboxMessages] = await manager.query<[unknown, number]>(
    `DELETE FROM outbox_message WHERE (completed_at IS NOT NULL AND completed_at < $1::date) OR (failed_at IS NOT NULL AND failed_at < $2::date)`,
    [cutoff.completedOutboxMessage, cutoff.failedOutboxMessage],
  );
  const [, jobExecutions] = await manager.query<[unknown, number]>(`DELETE FROM job_execution WHERE finished_at < $1::date`, [cutoff.jobExecution]);
  const [, sessions] = await manager.query<[unknown, number]>(`DELETE FROM user_session WHERE expires_at < $1::date`, [cutoff.expiredSession]);
  const [, importFiles] = await manager.query<[unknown, number]>(
    `UPDATE import_batch SET content = ''::bytea
     WHERE finished_at < $1::date AND status NOT IN ('QUEUED', 'RUNNING') AND octet_length(content) > 0`,
    [cutoff.importFileContent],
  );
  // Only the highest change per region and source table decides its figures' version (FiguresCache): the older ones say nothing more.
  const [, figuresVersions] = await manager.query<[unknown, number]>(
    `DELETE FROM figures_region_change c
      USING (SELECT region_id, source, max(version) AS latest FROM figures_region_change GROUP BY region_id, source) AS latest
      WHERE latest.region_id IS NOT DISTINCT FROM c.region_id AND latest.source IS NOT DISTINCT FROM c.source AND c.version < latest.latest`,
  );
  return { outboxMessages, jobExecutions, sessions, importFiles, figuresVersions };
}

/** The nightly cleanup; once per run date, however often the scheduler or a retry delivers it. */
@Injectable()
export class HousekeepingJob implements JobHandler<'housekeeping.clean'> {
  readonly jobName = 'housekeeping.clean' as const;
  private readonly logger = new Logger('Opruimen');

  constructor(private readonly clock: Clock) {}

  jobKey(payload: JobPayloads['housekeeping.clean']): string {
    return `housekeeping.clean:${payload.runDate ?? this.clock.today()}`;
  }

  async handle(payload: JobPayloads['housekeeping.clean'], manager: EntityManager): Promise<void> {
    const runDate = payload.runDate ?? this.clock.today();
    const removed = await cleanUp(manager, runDate);
    this.logger.log(`Opgeruimd op ${runDate}: ${removed.outboxMessages} outbox-berichten, ${removed.jobExecutions} jobregistraties, `
      + `${removed.sessions} verlopen sessies, ${removed.importFiles} oude urenbestanden (inhoud), ${removed.figuresVersions} oude cijferversies.`);
  }
}
