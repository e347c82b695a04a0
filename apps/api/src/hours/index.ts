// The public face of hours/: other folders import only what is exported here.
export { checkAbsence } from './absence/absence-check';
export { HourCategoryGql } from './hour.types';
export { HoursModule } from './hours.module';
export { HOURS_JOB_HANDLERS, HOURS_RESOLVERS } from './hours.providers';
