import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../clock';
import type { JobPayloads, JobHandler } from '../../jobs';
import { placementsWithHoursInMonth } from '../hour-entry.repository';
import { checkAbsence } from './absence-check';

/** After hours were saved, imported, corrected or submitted: check the municipality's absence rules. */
@Injectable()
export class CheckAbsenceJob implements JobHandler<'hours.check-absence'> {
  readonly jobName = 'hours.check-absence' as const;

  constructor(private readonly clock: Clock) {}

  async handle({ providerId, placementIds, month }: JobPayloads['hours.check-absence'], manager: EntityManager): Promise<void> {
    const ofMonth = month ? await placementsWithHoursInMonth(manager, providerId, month.municipalityId, month.month) : [];
    await checkAbsence(manager, providerId, [...new Set([...placementIds, ...ofMonth])], this.clock.today());
  }
}
