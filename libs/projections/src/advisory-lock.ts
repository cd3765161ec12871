import pg from 'pg';
import { sleep } from './sql.js';

/** First half of every projection's lock key, so they cannot collide with other advisory locks. */
export const LOCK_NAMESPACE = 'filmlog.projections';

/** SQL condition on pg_locks naming a projection's lock (two int4 keys show as objsubid 2). */
export const heldLockCondition = (
  nameSql: string,
): string => `locktype = 'advisory' AND granted AND objsubid = 2
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND classid = hashtext('${LOCK_NAMESPACE}')::oid AND objid = hashtext(${nameSql})::oid`;

/**
 * A PostgreSQL session advisory lock on a connection of its own. The lock lives as long as
 * the session: when this process dies, its connection closes and another worker may take over.
 */
export class AdvisoryLock {
  private readonly lostController = new AbortController();
  private held = false;

  private constructor(
    private readonly client: pg.Client,
    private readonly name: string,
  ) {
    client.on('error', () => this.lostController.abort());
    client.on('end', () => this.lostController.abort());
  }

  static async connect(config: pg.ClientConfig, name: string): Promise<AdvisoryLock> {
    const client = new pg.Client(config);
    const lock = new AdvisoryLock(client, name);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return lock;
  }

  /** Aborts when the lock's connection is lost (and with it the lock). */
  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  /** Tries every `retryMs` until it holds the lock; false when `signal` aborted or the connection died first. */
  async acquire(retryMs: number, signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted && !this.lost.aborted) {
      const { rows } = await this.client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked`,
        [LOCK_NAMESPACE, this.name],
      );
      if (rows[0]!.locked) {
        this.held = true;
        return true;
      }
      await sleep(retryMs, AbortSignal.any([signal, this.lost]));
    }
    return false;
  }

  /** Releases the lock and closes its connection. */
  async close(): Promise<void> {
    if (this.held && !this.lost.aborted) {
      await this.client
        .query(`SELECT pg_advisory_unlock(hashtext($1), hashtext($2))`, [LOCK_NAMESPACE, this.name])
        .catch(() => undefined);
    }
    this.held = false;
    await this.client.end().catch(() => undefined);
  }
}
