// The public face of worker/: other folders import only what is exported here.
export { startWorker, workerTimingsFromEnv } from './create-worker';
