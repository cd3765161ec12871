import { performance } from 'node:perf_hooks';
import { progress } from '../shared/bench-cli.js';
import { openPool } from '../store/databases.js';
import type pg from 'pg';

export interface VacuumFigures {
  /** Every how many seconds; 0 when the server's own autovacuum is on (or the run is a smoke). */
  readonly everySeconds: number;
  readonly runs: number;
  readonly maxSeconds: number;
  /** Runs that could not start or finish (a server out of connections refuses them too). */
  readonly failures: number;
}

export interface ConnectionCounts {
  /** Every connection the server holds (the soak's and anyone else's): it refuses more than max_connections. */
  readonly server: number;
  /** The api's and the worker's (by the application name each gives its pools). */
  readonly api: number;
  readonly worker: number;
}

/** Connections the server holds now; a shared server running out of them answers 503s that are not the service's. */
export async function connectionCounts(pool: pg.Pool): Promise<ConnectionCounts> {
  const { rows } = await pool.query<ConnectionCounts>(
    `SELECT count(*)::int AS server,
            (count(*) FILTER (WHERE datname = current_database() AND application_name LIKE 'filmlog-api%'))::int AS api,
            (count(*) FILTER (WHERE datname = current_database() AND application_name LIKE 'filmlog-worker%'))::int
              AS worker
     FROM pg_stat_activity WHERE backend_type = 'client backend'`,
  );
  return rows[0]!;
}

/** Whether the server runs autovacuum at all: the test server may have it off. */
export async function autovacuumOn(url: string): Promise<boolean> {
  const pool = openPool(url, 1, 'filmlog-soak-vacuum');
  try {
    const { rows } = await pool.query<{ autovacuum: string }>('SHOW autovacuum');
    return rows[0]!.autovacuum === 'on';
  } finally {
    await pool.end();
  }
}

/**
 * Stands in for autovacuum on a server that has it off: without it, the rows the projections
 * update all the time would bloat for the whole soak, which no deployment lets happen, and p99
 * would creep up for that reason alone. A VACUUM (ANALYZE) of the database every `everySeconds`,
 * never two at once, each timed: it runs under the load, as autovacuum would.
 */
export class PeriodicVacuum {
  private readonly pool;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private readonly durations: number[] = [];
  private failures = 0;
  private stopped = false;

  constructor(
    url: string,
    private readonly everySeconds: number,
  ) {
    this.pool = openPool(url, 1, 'filmlog-soak-vacuum');
  }

  start(): void {
    if (this.everySeconds > 0) this.timer = setInterval(() => this.vacuum(), this.everySeconds * 1_000);
  }

  async stop(): Promise<VacuumFigures> {
    clearInterval(this.timer);
    await this.running;
    if (!this.stopped) await this.pool.end();
    this.stopped = true;
    return {
      everySeconds: this.everySeconds,
      runs: this.durations.length,
      maxSeconds: Math.max(0, ...this.durations),
      failures: this.failures,
    };
  }

  private vacuum(): void {
    if (this.running) return;
    const begin = performance.now();
    this.running = this.pool
      .query('VACUUM (ANALYZE)')
      .then(() => {
        this.durations.push((performance.now() - begin) / 1_000);
      })
      .catch((error: unknown) => {
        this.failures += 1;
        progress(`VACUUM failed: ${String(error)}`);
      })
      .finally(() => {
        this.running = null;
      });
  }
}
