import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '../../src/database/migrator.js';
import { migrations } from '../../src/features.js';

const PREFIX = 'filmlog_bench_';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The fresh databases of one benchmark run, each named after the run so that a crashed run's
 * leftovers are recognisable, and all dropped at the end.
 */
export class BenchDatabases {
  private readonly runId = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  private readonly created: string[] = [];

  constructor(private readonly serverUrl: string) {}

  /** A new empty database; with `migrate`, carrying our schema (the `events` table). */
  async create(purpose: string, options: { migrate: boolean }): Promise<string> {
    const name = `${PREFIX}${this.runId}_${purpose}`;
    await this.admin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    this.created.push(name);
    const url = this.urlOf(name);
    if (options.migrate) await migrateDatabase(url, migrations);
    return url;
  }

  /** Runs `work` in a new database of its own (migrated unless told not to), dropped afterwards to give its disk back. */
  async inFresh<T>(
    purpose: string,
    work: (url: string) => Promise<T>,
    options: { migrate: boolean } = { migrate: true },
  ): Promise<T> {
    const url = await this.create(purpose, options);
    try {
      return await work(url);
    } finally {
      await this.drop(url);
    }
  }

  async drop(url: string): Promise<void> {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    if (process.env.BENCH_KEEP_DATABASES === '1') {
      // For looking into a run afterwards; drop it by hand when done.
      process.stderr.write(`[bench] kept database ${name}\n`);
      return;
    }
    await this.admin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    const index = this.created.indexOf(name);
    if (index >= 0) this.created.splice(index, 1);
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.created]) await this.drop(this.urlOf(name));
  }

  private urlOf(name: string): string {
    const url = new URL(this.serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  private async admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

/**
 * A pg pool for one phase. `pool.end()` resolves before its connections have closed, so the
 * database's forced drop right after may end them first: that error is expected, not a failure.
 */
export function openPool(url: string, max: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: applicationName });
  pool.on('error', () => undefined);
  return pool;
}
