// The public face of tracing/: other folders import only what is exported here. Imports OpenTelemetry only, so an
// entry point can start tracing before it loads the API (the instrumentations patch modules as they are required).
export { startTracing, type Tracing } from './tracing';
