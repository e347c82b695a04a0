import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  enabled: boolean;
  /** Flushes the spans still buffered (on SIGTERM) and stops the SDK. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces: HTTP, Express, GraphQL operations, PostgreSQL and Redis (BullMQ jobs through bullmq-otel), sent
 * over OTLP/HTTP to `otlpEndpoint` (…/v1/traces) when configured, or to `exporter` (tests). Must run before the API's
 * modules are loaded: the instrumentations patch `pg`, `express`, `graphql` and `ioredis` as they are required.
 * Spans carry SQL text and Redis command names only, never parameters, GraphQL variables or field values.
 */
export function startTracing(options: { otlpEndpoint?: string; serviceName: string; exporter?: SpanExporter }): Tracing {
  if (!options.otlpEndpoint && !options.exporter) return { enabled: false, shutdown: async () => undefined };
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: `${options.otlpEndpoint?.replace(/\/$/, '')}/v1/traces` });
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => (req.url ?? '').startsWith('/health') }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ allowValues: false, ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });
  sdk.start();
  return { enabled: true, shutdown: () => sdk.shutdown() };
}
