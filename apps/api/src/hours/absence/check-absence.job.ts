import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../clock';
import type { JobPayloads, JobHandler } from '../../jobs';
import { checkAbsence } from './absence-check';

/** After hours were saved, imported, corrected or submitted: check the municipality's absence rules. */
@Injectable()
export class CheckAbsenceJob implements JobHandler<'hours.check-absence'> {
  readonly jobName = 'hours.check-absence' as const;

  constructor(private readonly clock: Clock) {}

  async handle({ providerId, placementIds }: JobPayloads['hours.check-absence'], manager: EntityManager): Promise<void> {
    await checkAbsence(manager, providerId, placementIds, this.clock.today());
  }
}
