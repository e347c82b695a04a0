import type { JobsOptions, Queue } from 'bullmq';
import { Client, type ClientConfig } from 'pg';
import { In, type DataSource } from 'typeorm';
import { logger } from '../common';
import { OutboxMessageEntity } from '../database';
import { BACKGROUND_PRIORITY, COALESCE_DELAY_MS, JOB_POLICIES, type JobPolicy } from '../jobs';
import { outboxJobId } from './outbox-ledger';

/** A row written under an older job name has no policy and gets the defaults. */
const policyOf = (jobName: string): JobPolicy | undefined => (JOB_POLICIES as Partial<Record<string, JobPolicy>>)[jobName];

/** The channel the `outbox_message_notify` trigger signals after every committed insert into the outbox. */
const CHANNEL = 'outbox_message';
/** Rows looked at per sweep; the oldest first, and a row still in the queue is not looked at again for a while. */
const SWEEP_LIMIT = 500;

/** An owed row whose BullMQ job failed for good without the failure being recorded (its worker died on the way). */
export interface UnsettledFailure {
  rowId: string;
  jobName: string;
  payload: Record<string, unknown>;
  reason: string;
  attemptsMade: number;
}

export interface OutboxRelayOptions {
  /** Safety net: relay and sweep at least this often even when no notification arrives (default 5 s). */
  pollMs?: number;
  /**
   * A relayed row without completion is checked against BullMQ this long after it was relayed (or last checked): a
   * job that is gone (Redis lost its data) is offered again under the same id, a job that failed for good is settled
   * (default 30 s).
   */
  redeliverAfterMs?: number;
  /** Wake on PostgreSQL NOTIFY from the outbox trigger (default true); off, the relay only polls. */
  listen?: boolean;
  /** Settles a job BullMQ failed for good while nobody recorded it: the worker's final-failure path, once more. */
  onUnsettledFailure?: (failure: UnsettledFailure) => Promise<void>;
}

/**
 * Moves committed outbox rows to BullMQ. Rows are locked with SKIP LOCKED so several relays can run;
 * the BullMQ job id is derived from the row id, so a row sent twice (crash between add and commit) is one job.
 * It wakes on the outbox trigger's NOTIFY (in the committing transaction, so a notification means a committed row)
 * and polls slowly as a safety net. A relayed row stays owed until its job's transaction marks it completed or the job
 * failed for good; the sweep offers the job again when BullMQ no longer has it.
 */
export class OutboxRelay {
  private poller: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private sweepDue = false;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private failing = false;
  private listener: Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private readonly pollMs: number;
  private readonly redeliverAfterMs: number;

  constructor(
    private readonly db: DataSource,
    private readonly queue: Queue,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 5_000;
    this.redeliverAfterMs = options.redeliverAfterMs ?? 30_000;
  }

  start(): void {
    this.stopped = false;
    this.poller = setInterval(() => this.wake(), this.pollMs);
    this.sweeper = setInterval(() => {
      this.sweepDue = true;
      this.wake();
    }, Math.max(100, this.redeliverAfterMs / 2));
    if (this.options.listen ?? true) void this.listen();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.poller = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.running;
  }

  /** Relay (and, when due, sweep) now; a wake during a pass runs one more pass after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async pass(): Promise<void> {
    try {
      await this.relayAll();
      if (this.sweepDue) {
        this.sweepDue = false;
        await this.sweep();
      }
      if (this.failing) logger.info('outbox relay hersteld');
      this.failing = false;
    } catch (err) {
      // Warn once per outage, not on every tick.
      if (!this.failing) logger.warn({ err: String(err) }, 'outbox relay mislukt; probeert opnieuw');
      this.failing = true;
    }
  }

  /** A dedicated connection LISTENs for the trigger; when it drops it comes back, and a wake catches what it missed. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(this.listenConfig());
    const retry = () => {
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (!this.stopped && !this.reconnect) {
        this.reconnect = setTimeout(() => {
          this.reconnect = null;
          void this.listen();
        }, 1_000);
      }
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.stopped) return void (await client.end());
      this.listener = client;
      this.wake();
    } catch (err) {
      logger.debug({ err: String(err) }, 'outbox relay luistert niet; probeert opnieuw');
      retry();
    }
  }

  private listenConfig(): ClientConfig {
    const options = this.db.options as { url?: string; host?: string; port?: number; username?: string; password?: string; database?: string };
    return options.url
      ? { connectionString: options.url }
      : { host: options.host, port: options.port, user: options.username, password: options.password, database: options.database };
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
      // The mark need not wait for the disk: should a crash lose it, the rows are relayed again under the same job ids,
      // which BullMQ ignores (and the jobs' keys make a second run a no-op). The job's own transaction marks the row
      // completed and waits for this one's lock: a durable commit here would add a disk flush to every job's start.
      await manager.query('SET LOCAL synchronous_commit = off');
      await this.queue.addBulk(rows.map((row) => ({ name: row.jobName, data: row.payload, opts: jobOptions(row) })));
      await outbox.update({ id: In(rows.map((row) => row.id)) }, { relayedAt: () => 'now()' });
      return rows.length;
    });
  }

  /**
   * Looks at owed rows relayed a while ago: a job BullMQ still holds (waiting, delayed, running) is left alone; a job it
   * no longer has is offered again under the same id (the job's key makes a second run a no-op); a job it completed
   * marks the row; a job it failed for good is settled through `onUnsettledFailure`. Returns how many were offered again.
   */
  async sweep(): Promise<number> {
    const unsettled: UnsettledFailure[] = [];
    const offered = await this.db.transaction(async (manager) => {
      const outbox = manager.getRepository(OutboxMessageEntity);
      const rows = await outbox
        .createQueryBuilder('m')
        .select(['m.id', 'm.jobName', 'm.payload'])
        .where('m.completedAt IS NULL AND m.failedAt IS NULL')
        .andWhere(`m.relayedAt < now() - make_interval(secs => :seconds)`, { seconds: this.redeliverAfterMs / 1000 })
        .orderBy('m.relayedAt')
        .limit(SWEEP_LIMIT)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const states = await Promise.all(rows.map((row) => this.queue.getJobState(outboxJobId(row.id))));
      const lost = rows.filter((_, i) => states[i] === 'unknown');
      const completed = rows.filter((_, i) => states[i] === 'completed');
      for (const [i, row] of rows.entries()) {
        if (states[i] !== 'failed') continue;
        const job = await this.queue.getJob(outboxJobId(row.id));
        unsettled.push({ rowId: row.id, jobName: row.jobName, payload: row.payload, reason: job?.failedReason ?? 'onbekend', attemptsMade: job?.attemptsMade ?? 0 });
      }
      if (lost.length > 0) {
        // Same id as the first time: BullMQ ignores an add for a job it still has, so this never makes two jobs.
        await this.queue.addBulk(lost.map((row) => ({ name: row.jobName, data: row.payload, opts: jobOptions(row) })));
        logger.warn({ rows: lost.map((row) => row.id) }, 'job ontbrak in de wachtrij (Redis-gegevens kwijt?); opnieuw aangeboden');
      }
      if (completed.length > 0) await outbox.update({ id: In(completed.map((row) => row.id)) }, { completedAt: () => 'clock_timestamp()' });
      // Checked (still queued, offered again, or settled below): not looked at again until `redeliverAfterMs` has passed.
      const checked = rows.filter((_, i) => states[i] !== 'completed');
      if (checked.length > 0) await outbox.update({ id: In(checked.map((row) => row.id)) }, { relayedAt: () => 'now()' });
      return lost.length;
    });
    for (const failure of unsettled) {
      await this.options.onUnsettledFailure?.(failure).catch((err: unknown) =>
        logger.error({ job: failure.jobName, row: failure.rowId, err: String(err) }, 'afhandeling van definitief mislukte job faalde'));
    }
    return offered;
  }
}

function jobOptions(row: Pick<OutboxMessageEntity, 'id' | 'jobName'>): JobsOptions {
  const policy = policyOf(row.jobName);
  return {
    jobId: outboxJobId(row.id),
    attempts: policy?.attempts ?? 3,
    backoff: { type: 'exponential', delay: policy?.backoffMs ?? 1000 },
    ...(policy?.background ? { priority: BACKGROUND_PRIORITY } : {}),
    ...(policy?.coalesce ? { delay: COALESCE_DELAY_MS } : {}),
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}
