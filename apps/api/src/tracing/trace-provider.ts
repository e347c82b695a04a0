import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { detectResources, envDetector, hostDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Tracing } from './tracing';

/**
 * The tracer provider with its instrumentations, registered globally (bullmq-otel and the instrumentations find it
 * there). The trace SDK alone, not `@opentelemetry/sdk-node`: that one also loads every log and metric exporter (gRPC,
 * protobuf, Zipkin, Prometheus) this platform never uses.
 */
export function startTraceProvider(options: { otlpEndpoint?: string; serviceName: string; exporter?: SpanExporter }): Tracing {
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: `${options.otlpEndpoint?.replace(/\/$/, '')}/v1/traces` });
  const detected = detectResources({ detectors: [envDetector, hostDetector, processDetector] });
  const provider = new NodeTracerProvider({
    resource: detected.merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName })),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => (req.url ?? '').startsWith('/health') }),
      new GraphQLInstrumentation({ allowValues: false, ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });
  return {
    enabled: true,
    shutdown: async () => {
      unregister();
      await provider.shutdown();
    },
  };
}
