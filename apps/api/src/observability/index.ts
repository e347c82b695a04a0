// The public face of observability/: other folders import only what is exported here.
export { errorsByCode, measureHttp, metricsRegistry, registerPlatformGauges } from './metrics';
export { type MetricsServer, startMetricsServer } from './metrics-server';
export { ObservabilityModule } from './observability.module';
export { HEARTBEAT_STALE_MS, liveWorkers, measureJobs, outboxLag, poolStats, queueCounts, startWorkerHeartbeat } from './platform-probes';
export { observeRequests, REQUEST_ID_HEADER } from './request-context';
