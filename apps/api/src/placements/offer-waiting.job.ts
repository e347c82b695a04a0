import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobPayloads } from '../jobs/job-definitions';
import type { JobHandler } from '../jobs/job-handler';

/** Offers the first waiting clients of a lot to the provider when seats are free. (Filled in by the placements slice.) */
@Injectable()
export class OfferWaitingPlacementsJob implements JobHandler<'placements.offer-waiting'> {
  readonly jobName = 'placements.offer-waiting' as const;

  async handle(_payload: JobPayloads['placements.offer-waiting'], _manager: EntityManager): Promise<void> {
    // Placeholder until the waiting queue is implemented.
  }
}
