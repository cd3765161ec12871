import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { inTransaction, silentLogger, type ProjectionLogger } from '#projections';
import { createQueue } from './bullmq.js';
import { JOB_OUTBOX_CHANNEL } from './job-outbox.js';

export interface OutboxRelayOptions {
  readonly pool: pg.Pool;
  /**
   * The relay's own connection, best with `enableOfflineQueue: false`: while Redis is down a
   * command then fails at once instead of waiting in ioredis's queue.
   */
  readonly connection: Redis;
  readonly prefix: string;
  readonly logger?: ProjectionLogger;
  /** Fallback when a notification is missed (default 2 s). */
  readonly pollIntervalMs?: number;
  /** Rows claimed per transaction (default 500). */
  readonly batchSize?: number;
  /** How long Redis may take to accept a batch before it counts as down (default 5 s). */
  readonly redisTimeoutMs?: number;
  /** Pause after the first failure, doubled per failure up to `maxBackoffMs`. */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

interface OutboxRow {
  id: string;
  queue: string;
  name: string;
  job_id: string;
  data: Record<string, unknown>;
}

class RedisUnavailable extends Error {
  override readonly name = 'RedisUnavailable';
}

const withTimeout = async <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailable(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

const byQueue = (rows: readonly OutboxRow[]): Map<string, OutboxRow[]> => {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) groups.set(row.queue, [...(groups.get(row.queue) ?? []), row]);
  return groups;
};

/**
 * Moves jobs from `job_outbox` to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several
 * relays share the work), added with their event-derived job ids, and deleted in the same
 * transaction once Redis accepted them; if Redis fails, the transaction rolls back and the rows
 * wait. A crash after Redis accepted but before the commit re-adds the same job ids, which
 * BullMQ ignores while it keeps the jobs. Woken by NOTIFY, with polling as the fallback.
 */
export class OutboxRelay {
  private readonly queues = new Map<string, Queue>();
  private readonly logger: ProjectionLogger;
  private readonly stopping = new AbortController();
  private wake = new AbortController();
  private rung = false;
  private listener: pg.PoolClient | null = null;
  private loop: Promise<void> | null = null;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake.abort();
    await this.loop;
    this.listener?.release(true);
    this.listener = null;
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }

  /** One claim-add-delete transaction; answers how many jobs it handed over. */
  async relayOnce(): Promise<number> {
    if (this.options.connection.status !== 'ready') {
      throw new RedisUnavailable(`Redis connection is ${this.options.connection.status}`);
    }
    return inTransaction(this.options.pool, async (client) => {
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, queue, name, job_id, data FROM job_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 500],
      );
      if (rows.length === 0) return 0;
      for (const [queueName, jobs] of byQueue(rows)) {
        const added = this.queue(queueName).addBulk(
          jobs.map((row) => ({ name: row.name, data: row.data, opts: { jobId: row.job_id } })),
        );
        await withTimeout(added, this.options.redisTimeoutMs ?? 5000);
      }
      await client.query(`DELETE FROM job_outbox WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      await this.listen();
      this.rung = false;
      if (this.wake.signal.aborted) this.wake = new AbortController();
      try {
        const moved = await this.relayOnce();
        this.recovered();
        if (moved < (this.options.batchSize ?? 500)) await this.idle(this.options.pollIntervalMs ?? 2000);
      } catch (error) {
        this.failed(error);
        const min = this.options.minBackoffMs ?? 250;
        await this.pause(Math.min(this.options.maxBackoffMs ?? 10_000, min * 2 ** (this.failures - 1)));
      }
    }
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, this.options.connection, this.options.prefix);
      // Failures surface as rejected adds; the event would otherwise throw without a listener.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Logged once per outage, not once per attempt. */
  private failed(error: unknown): void {
    this.failures += 1;
    if (this.failures === 1) {
      this.logger.warn({ err: error }, 'job relay cannot hand jobs to BullMQ; they wait in job_outbox');
    }
  }

  private recovered(): void {
    if (this.failures > 0) this.logger.info({ failures: this.failures }, 'job relay delivers again');
    this.failures = 0;
  }

  /** Until a notification, the poll interval, or stop. */
  private async idle(ms: number): Promise<void> {
    if (!this.rung) await this.pause(ms, this.wake.signal);
  }

  private pause(ms: number, wake?: AbortSignal): Promise<void> {
    const signals = [this.stopping.signal, ...(wake ? [wake] : [])];
    const signal = AbortSignal.any(signals);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** A held connection with LISTEN; when it cannot be had, polling alone keeps the relay going. */
  private async listen(): Promise<void> {
    if (this.listener || this.stopping.signal.aborted) return;
    let client: pg.PoolClient | undefined;
    try {
      client = await this.options.pool.connect();
      const held = client;
      held.on('notification', () => {
        this.rung = true;
        this.wake.abort();
      });
      held.on('error', () => {
        // Dropped: the next round connects again.
        if (this.listener === held) {
          this.listener = null;
          held.release(true);
        }
      });
      await held.query(`LISTEN ${JOB_OUTBOX_CHANNEL}`);
      this.listener = held;
    } catch {
      client?.release(true);
    }
  }
}
