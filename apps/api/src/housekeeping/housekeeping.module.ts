import { Module } from '@nestjs/common';
import { HousekeepingJob } from './housekeeping.job';

export const HOUSEKEEPING_JOB_HANDLERS = [HousekeepingJob];

/** The nightly cleanup of the platform's working records (outbox, job executions, sessions, old hours files). */
@Module({
  providers: [...HOUSEKEEPING_JOB_HANDLERS],
  exports: [...HOUSEKEEPING_JOB_HANDLERS],
})
export class HousekeepingModule {}
