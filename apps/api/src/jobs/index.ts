// The public face of jobs/: other folders import only what is exported here.
export { BACKGROUND_PRIORITY, COALESCE_DELAY_MS, JOB_POLICIES, JobName, QUEUE_NAME } from './job-definitions';
export type { JobPayloads, JobPolicy } from './job-definitions';
export { JOB_HANDLERS, JobHandler } from './job-handler';
export type { FinalFailureCause } from './job-handler';
export { buildJobRegistry } from './job-registry';
export { jobTelemetry } from './job-telemetry';
export { JOB_QUEUE, QueueModule, REDIS_PRODUCER } from './queue.module';
export { createRedisConnection } from './redis-connection';
export { runOnce } from './run-once';
