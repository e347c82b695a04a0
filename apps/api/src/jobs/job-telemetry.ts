import { BullMQOtel } from 'bullmq-otel';

/**
 * OpenTelemetry for BullMQ (bullmq-otel): spans for adding a job (producer) and processing it (consumer), linked through
 * the trace context BullMQ stores with the job. Attributes are queue, job name, id and options, never the payload (which
 * holds ids only anyway). Without a registered tracer provider (no OTLP endpoint) the spans are no-ops.
 */
export function jobTelemetry(): BullMQOtel {
  return new BullMQOtel({ tracerName: 'bullmq' });
}
