import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures';
import { PROCUREMENT_CONTROLLERS, PROCUREMENT_JOB_HANDLERS, PROCUREMENT_RESOLVERS, PROCUREMENT_SERVICES } from './procurement.providers';

/** Contracts, capacity, start moments, quality requirements and evidence, region set-up, and their signal jobs. */
@Module({
  // The contract's quarterly report, which a provider hands in as evidence.
  imports: [FiguresModule],
  controllers: PROCUREMENT_CONTROLLERS,
  providers: [...PROCUREMENT_SERVICES, ...PROCUREMENT_RESOLVERS, ...PROCUREMENT_JOB_HANDLERS],
  exports: [...PROCUREMENT_JOB_HANDLERS],
})
export class ProcurementModule {}
