import { Module } from '@nestjs/common';
import { DEADLINE_JOBS } from './deadline-scan.jobs';
import { DEADLINE_RESOLVERS, DEADLINE_SERVICES } from './deadlines.providers';

/** The deadline scan jobs (worker) and the deadline signals shown to consultants (API). */
@Module({ providers: [...DEADLINE_SERVICES, ...DEADLINE_RESOLVERS, ...DEADLINE_JOBS], exports: [...DEADLINE_JOBS] })
export class DeadlinesModule {}
