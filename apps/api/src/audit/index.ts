// The public face of audit/: other folders import only what is exported here.
export { PURPOSE, logProcessing, processingLogInsert } from './processing-log';
export type { ProcessingLogRead } from './processing-log';
export { describeChanges, recordAdminChange } from './admin-change-log';
export type { AdminChangeRecord, AdminSubjectKind } from './admin-change-log';
