import { Module, type Type } from '@nestjs/common';
import { RetentionJob } from './retention.job';
import { RetentionResolver } from './retention.resolver';
import { RetentionService } from './retention.service';

export const RETENTION_JOB_HANDLERS = [RetentionJob];
export const RETENTION_RESOLVERS: Type[] = [RetentionResolver];

/** Retention of clients' personal data: the municipality's policy, its preview and the nightly run (issue 14). */
@Module({
  providers: [RetentionService, ...RETENTION_RESOLVERS, ...RETENTION_JOB_HANDLERS],
  exports: [RetentionService, ...RETENTION_JOB_HANDLERS],
})
export class RetentionModule {}
