// The public face of signals/: other folders import only what is exported here.
export { raiseSignals } from './raise-signal';
export type { NewSignal } from './raise-signal';
export { SIGNAL_RESOLVERS, SignalsModule } from './signals.module';
