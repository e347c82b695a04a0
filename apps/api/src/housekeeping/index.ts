// The public face of housekeeping/: other folders import only what is exported here.
export { HOUSEKEEPING_JOB_HANDLERS, HousekeepingModule } from './housekeeping.module';
