// The public face of env/: other folders import only what is exported here.
export { databasePoolSize, loggingEnvironment, processEnvironment } from './process-env';
