// The public face of outbox/: other folders import only what is exported here.
export { enqueueInOutbox, type JobCause, REQUEST_ID_KEY, splitRequestId } from './outbox';
export { coveredByRun, markOutboxCompleted, markOutboxFailed, outboxIdOfJob, outboxJobId, recordFailedJob } from './outbox-ledger';
export { OutboxRelay } from './outbox-relay';
export type { RunCoverage } from './outbox-ledger';
export type { OutboxRelayOptions, UnsettledFailure } from './outbox-relay';
