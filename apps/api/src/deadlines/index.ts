// The public face of deadlines/: other folders import only what is exported here.
export { DEADLINE_JOBS } from './deadline-scan.jobs';
export { DeadlinesModule } from './deadlines.module';
export { DEADLINE_RESOLVERS } from './deadlines.providers';
