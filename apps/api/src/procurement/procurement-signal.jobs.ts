import { Injectable } from '@nestjs/common';
import { calendarDateInAmsterdam } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { JobPayloads } from '../jobs/job-definitions';
import type { JobHandler } from '../jobs/job-handler';
import { raiseKeurmerkSignals, raiseOverdueEvidenceSignals } from './procurement-signals';

/** Nightly: overdue quality evidence and expiring keurmerken become signals to providers and regions. */
@Injectable()
export class ScanQualityJob implements JobHandler<'procurement.scan-quality'> {
  readonly jobName = 'procurement.scan-quality' as const;

  /** Once per calendar day, however often the scheduler or a retry delivers it. */
  jobKey(payload: JobPayloads['procurement.scan-quality']): string {
    return `procurement.scan-quality:${payload.scanDate ?? calendarDateInAmsterdam(new Date())}`;
  }

  async handle(payload: JobPayloads['procurement.scan-quality'], manager: EntityManager): Promise<void> {
    const today = payload.scanDate ?? calendarDateInAmsterdam(new Date());
    await raiseOverdueEvidenceSignals(manager, today, null);
    await raiseKeurmerkSignals(manager, today, null);
  }
}

/** The same check for one provider, right after its keurmerk or one of its contracts changed. */
@Injectable()
export class ScanProviderJob implements JobHandler<'procurement.scan-provider'> {
  readonly jobName = 'procurement.scan-provider' as const;

  async handle({ providerId }: JobPayloads['procurement.scan-provider'], manager: EntityManager): Promise<void> {
    const today = calendarDateInAmsterdam(new Date());
    await raiseOverdueEvidenceSignals(manager, today, providerId);
    await raiseKeurmerkSignals(manager, today, providerId);
  }
}
