// The public face of retention/: other folders import only what is exported here.
export { RETENTION_JOB_HANDLERS, RETENTION_RESOLVERS, RetentionModule } from './retention.module';
