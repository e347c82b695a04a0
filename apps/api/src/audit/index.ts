// The public face of audit/: other folders import only what is exported here.
export { PURPOSE, logProcessing } from './processing-log';
