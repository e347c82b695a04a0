// The public face of results/: other folders import only what is exported here.
export { RESULT_RESOLVERS, ResultsModule } from './results.module';
