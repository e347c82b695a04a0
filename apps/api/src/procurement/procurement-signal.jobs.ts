import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import type { JobPayloads, JobHandler } from '../jobs';
import type { ProviderId } from '../tenancy';
import { raiseKeurmerkSignals, raiseOverdueEvidenceSignals } from './procurement-signals';

/** Nightly: overdue quality evidence and expiring keurmerken become signals to providers and regions. */
@Injectable()
export class ScanQualityJob implements JobHandler<'procurement.scan-quality'> {
  readonly jobName = 'procurement.scan-quality' as const;

  constructor(private readonly clock: Clock) {}

  /** Once per calendar day, however often the scheduler or a retry delivers it. */
  jobKey(payload: JobPayloads['procurement.scan-quality']): string {
    return `procurement.scan-quality:${payload.scanDate ?? this.clock.today()}`;
  }

  async handle(payload: JobPayloads['procurement.scan-quality'], manager: EntityManager): Promise<void> {
    const today = payload.scanDate ?? this.clock.today();
    await raiseOverdueEvidenceSignals(manager, today, null);
    await raiseKeurmerkSignals(manager, today, null);
  }
}

/** The same check for one provider, right after its keurmerk or one of its contracts changed. */
@Injectable()
export class ScanProviderJob implements JobHandler<'procurement.scan-provider'> {
  readonly jobName = 'procurement.scan-provider' as const;

  constructor(private readonly clock: Clock) {}

  async handle({ providerId }: JobPayloads['procurement.scan-provider'], manager: EntityManager): Promise<void> {
    const today = this.clock.today();
    // The job was enqueued by a service that checked access to this provider; the payload carries only its id.
    const provider = providerId as ProviderId;
    await raiseOverdueEvidenceSignals(manager, today, provider);
    await raiseKeurmerkSignals(manager, today, provider);
  }
}
