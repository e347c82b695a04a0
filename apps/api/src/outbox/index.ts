// The public face of outbox/: other folders import only what is exported here.
export { enqueueInOutbox } from './outbox';
export { OutboxRelay } from './outbox-relay';
