// The public face of administration/: other folders import only what is exported here.
export { ADMINISTRATION_JOB_HANDLERS, ADMINISTRATION_RESOLVERS, AdministrationJobsModule, AdministrationModule } from './administration.module';
