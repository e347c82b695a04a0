import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { clientsRepository } from '../clients';
import { Clock } from '../clock';
import type { OrganisationEntity } from '../database';
import type { JobName, JobPayloads, JobHandler } from '../jobs';
import type { MunicipalityId } from '../tenancy';
import { recordApproachingDeadlines, scanMunicipality } from './deadline-scan';

/** A job payload carries the tenant the API wrote into the outbox with the change; the worker keeps it branded on the way down. */
const municipalityOfJob = (payload: { municipalityId: string }): MunicipalityId => payload.municipalityId as MunicipalityId;

@Injectable()
export class ScanClientDeadlinesJob implements JobHandler<'deadlines.scan-client'> {
  readonly jobName = 'deadlines.scan-client' as const;

  constructor(private readonly clock: Clock) {}

  async handle(payload: JobPayloads['deadlines.scan-client'], manager: EntityManager): Promise<void> {
    const client = await clientsRepository.findOne(manager, municipalityOfJob(payload), payload.clientId);
    if (client) await recordApproachingDeadlines(manager, [client], this.clock.today());
  }
}

/**
 * The nightly scan. It does not scan every client of every region in one transaction: it hands one job per municipality
 * to the outbox (one set-based insert), each scanned in its own transaction and retried on its own.
 */
@Injectable()
export class ScanAllDeadlinesJob implements JobHandler<'deadlines.scan-all'> {
  readonly jobName = 'deadlines.scan-all' as const;

  constructor(private readonly clock: Clock) {}

  /** Once per calendar day, however often the scheduler or a retry delivers it. */
  jobKey(payload: JobPayloads['deadlines.scan-all']): string {
    return `deadlines.scan-all:${payload.scanDate ?? this.clock.today()}`;
  }

  async handle(payload: JobPayloads['deadlines.scan-all'], manager: EntityManager): Promise<void> {
    const scanDate = payload.scanDate ?? this.clock.today();
    // One set-based insert: a 'deadlines.scan-municipality' job (payload { municipalityId, scanDate }) per municipality.
    const common: Omit<JobPayloads['deadlines.scan-municipality'], 'municipalityId'> = { scanDate };
    await manager.query<unknown>(
      `INSERT INTO outbox_message (job_name, payload)
       SELECT $1, jsonb_build_object('municipalityId', o.id) || $2::jsonb FROM organisation o WHERE o.kind = $3 ORDER BY o.id`,
      ['deadlines.scan-municipality' satisfies JobName, JSON.stringify(common), 'MUNICIPALITY' satisfies OrganisationEntity['kind']],
    );
  }
}

@Injectable()
export class ScanMunicipalityDeadlinesJob implements JobHandler<'deadlines.scan-municipality'> {
  readonly jobName = 'deadlines.scan-municipality' as const;

  /** Once per municipality and scan date. */
  jobKey(payload: JobPayloads['deadlines.scan-municipality']): string {
    return `deadlines.scan-municipality:${payload.municipalityId}:${payload.scanDate}`;
  }

  async handle(payload: JobPayloads['deadlines.scan-municipality'], manager: EntityManager): Promise<void> {
    await scanMunicipality(manager, municipalityOfJob(payload), payload.scanDate);
  }
}

export const DEADLINE_JOBS = [ScanClientDeadlinesJob, ScanAllDeadlinesJob, ScanMunicipalityDeadlinesJob];
