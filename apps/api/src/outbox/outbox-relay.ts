import type { Queue } from 'bullmq';
import { In, type DataSource } from 'typeorm';
import { logger } from '../common';
import { OutboxMessageEntity } from '../database';
import { JOB_POLICIES, type JobPolicy } from '../jobs';

/** A row written under an older job name has no policy and gets the defaults. */
const policyOf = (jobName: string): JobPolicy | undefined => (JOB_POLICIES as Partial<Record<string, JobPolicy>>)[jobName];

/**
 * Moves committed outbox rows to BullMQ. Rows are locked with SKIP LOCKED so several relays can run;
 * the BullMQ job id is derived from the row id, so a row sent twice (crash between add and commit) is one job.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly db: DataSource,
    private readonly queue: Queue,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = async () => {
      this.running = this.relayAll().then(
        () => {
          if (this.failing) logger.info('outbox relay hersteld');
          this.failing = false;
        },
        (err) => {
          // Warn once per outage, not on every tick.
          if (!this.failing) logger.warn({ err: String(err) }, 'outbox relay mislukt; probeert opnieuw');
          this.failing = true;
        },
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Relays until nothing is pending; returns how many rows were sent. */
  async relayAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch(200);
      total += sent;
      if (sent === 0) return total;
    }
  }

  private relayBatch(limit: number): Promise<number> {
    return this.db.transaction(async (manager) => {
      const outbox = manager.getRepository(OutboxMessageEntity);
      const rows = await outbox
        .createQueryBuilder('m')
        .select(['m.id', 'm.jobName', 'm.payload'])
        .where('m.relayedAt IS NULL')
        .orderBy('m.id')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      await this.queue.addBulk(
        rows.map((row) => {
          const policy = policyOf(row.jobName);
          return {
            name: row.jobName,
            data: row.payload,
            opts: {
              jobId: `outbox-${row.id}`,
              attempts: policy?.attempts ?? 3,
              backoff: { type: 'exponential', delay: policy?.backoffMs ?? 1000 },
              removeOnComplete: { age: 7 * 24 * 3600 },
              removeOnFail: { age: 30 * 24 * 3600 },
            },
          };
        }),
      );
      await outbox.update({ id: In(rows.map((row) => row.id)) }, { relayedAt: () => 'now()' });
      return rows.length;
    });
  }
}
