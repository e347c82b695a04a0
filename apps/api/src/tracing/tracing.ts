import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  enabled: boolean;
  /** Flushes the spans still buffered (on SIGTERM) and stops the SDK. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces: HTTP requests, GraphQL operations, PostgreSQL and Redis (BullMQ jobs through bullmq-otel), sent
 * over OTLP/HTTP to `otlpEndpoint` (…/v1/traces) when configured, or to `exporter` (tests). Must run before the API's
 * modules are loaded: the instrumentations patch `http`, `pg`, `graphql` and `ioredis` as they are required.
 * Spans carry SQL text and Redis command names only, never parameters, GraphQL variables or field values.
 */
export async function startTracing(options: { otlpEndpoint?: string; serviceName: string; exporter?: SpanExporter }): Promise<Tracing> {
  if (!options.otlpEndpoint && !options.exporter) return { enabled: false, shutdown: async () => undefined };
  // Loaded only when traces go somewhere: the SDK, its exporter and instrumentations cost a process tens of MB (issue #9).
  const { startTraceProvider } = await import('./trace-provider');
  return startTraceProvider(options);
}
