// The public face of duo/: other folders import only what is exported here.
export { DuoModule, DUO_JOB_HANDLERS, DUO_RESOLVERS } from './duo.module';
export { recordDuoCompletion, recordDuoHours, recordDuoOffer, recordDuoPip, recordDuoPipWithdrawal } from './duo-outgoing';
export type { DuoCompletion } from './duo-outgoing';
export { listenForDuoNotifications } from './duo-notification-listener';
export type { DuoListenerOptions } from './duo-notification-listener';
