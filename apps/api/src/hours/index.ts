// The public face of hours/: other folders import only what is exported here.
export { checkAbsence } from './absence/absence-check';
export type { CellWrite as HourCellWrite } from './hour-entry.repository';
export { AbsenceReasonGql, HourCategoryGql } from './hour.types';
export { HoursModule } from './hours.module';
export { HOURS_JOB_HANDLERS, HOURS_RESOLVERS } from './hours.providers';
export { writePresenceHours } from './presence-hours';
