// Issue #16: OpenTelemetry traces of BullMQ jobs (bullmq-otel on the queue and the worker), caught by an in-memory
// exporter: the outbox relay's add and the worker's processing of one job, in one trace, without the payload.
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { startTracing, type Tracing } from '../../apps/api/src/tracing';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { enqueueInOutbox } from '../../apps/api/src/outbox/outbox';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let platform: TestPlatform;

beforeAll(async () => {
  tracing = await startTracing({ serviceName: 'inburgering-regio-test', exporter });
  platform = await startTestPlatform({ worker: true, seed: false });
});
afterAll(async () => {
  await platform.close();
  await tracing.shutdown();
});

it('traces a job from the outbox relay (producer) to the worker (consumer), with queue, name and id but no payload', async () => {
  const db = await openDataSource(platform.databaseUrl);
  await enqueueInOutbox(db.manager, 'deadlines.scan-all', { marker: 'geen-payload-in-spans' } as never, null);
  await db.destroy();

  const spans = await waitFor('de spans van de job', async () => {
    const finished = exporter.getFinishedSpans();
    const consumer = finished.find((span) => span.kind === SpanKind.CONSUMER && span.attributes['bullmq.job.name'] === 'deadlines.scan-all');
    return consumer && { consumer, all: finished };
  }, 30_000);
  const { consumer, all } = spans;
  const producer = all.find((span) => span.kind === SpanKind.PRODUCER && span.spanContext().traceId === consumer.spanContext().traceId);
  expect(producer).toBeDefined();
  expect(consumer.instrumentationScope.name).toBe('bullmq');
  expect(consumer.attributes).toEqual(expect.objectContaining({ 'bullmq.queue.name': expect.any(String), 'bullmq.job.id': expect.any(String) }));
  expect(JSON.stringify(all.map((span) => span.attributes))).not.toContain('geen-payload-in-spans');
});
