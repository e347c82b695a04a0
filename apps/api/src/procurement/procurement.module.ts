import { Module } from '@nestjs/common';
import { PROCUREMENT_CONTROLLERS, PROCUREMENT_JOB_HANDLERS, PROCUREMENT_RESOLVERS, PROCUREMENT_SERVICES } from './procurement.providers';

/** Contracts, capacity, start moments, quality requirements and evidence, region set-up, and their signal jobs. */
@Module({
  controllers: PROCUREMENT_CONTROLLERS,
  providers: [...PROCUREMENT_SERVICES, ...PROCUREMENT_RESOLVERS, ...PROCUREMENT_JOB_HANDLERS],
  exports: [...PROCUREMENT_JOB_HANDLERS],
})
export class ProcurementModule {}
