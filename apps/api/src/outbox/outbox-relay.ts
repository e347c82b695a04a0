import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { logger } from '../common/logger';
import { JOB_POLICIES, JobName } from '../jobs/job-definitions';

interface PendingRow {
  id: string;
  job_name: JobName;
  payload: Record<string, unknown>;
}

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
      const rows: PendingRow[] = await manager.query(
        `SELECT id, job_name, payload FROM outbox_message WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await this.queue.addBulk(
        rows.map((row) => {
          const policy = JOB_POLICIES[row.job_name];
          return {
            name: row.job_name,
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
      await manager.query(`UPDATE outbox_message SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }
}
