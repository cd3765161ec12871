import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A connection to the server's maintenance database, for creating and dropping test databases. */
export const adminDatabaseUrl = (): string =>
  process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const withDatabaseName = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

const TEST_PREFIX = 'filmlog_t_';

/** A run id that sorts by time, so stale databases of crashed runs can be recognised. */
export const newTestRunId = (): string => `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

export const templateDatabaseName = (runId: string): string => `${TEST_PREFIX}${runId}_tpl`;

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

let created = 0;

/**
 * A fresh database cloned from the run's migrated template (made in jest's global setup),
 * so every suite sees only its own rows and suites can run in parallel.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const runId = process.env.FILMLOG_TEST_RUN_ID;
  if (!runId) throw new Error('FILMLOG_TEST_RUN_ID is not set: run the tests through jest (global setup)');
  created += 1;
  const name = `${TEST_PREFIX}${runId}_w${process.env.JEST_WORKER_ID ?? '0'}_${created}_${randomBytes(2).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(templateDatabaseName(runId))}`),
  );
  return {
    name,
    url: withDatabaseName(adminDatabaseUrl(), name),
    drop: () =>
      withAdminClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
  };
}

const STALE_AFTER_MS = 2 * 60 * 60 * 1000;

/** Drops the databases of this run, and those of runs older than two hours (crashed runs). */
export async function dropTestDatabases(runId: string): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${TEST_PREFIX}%`],
    );
    const now = Date.now();
    for (const { datname } of rows) {
      const stamp = Number.parseInt(datname.slice(TEST_PREFIX.length).split('_')[0] ?? '', 36);
      const ours = datname.startsWith(`${TEST_PREFIX}${runId}_`);
      if (ours || (Number.isFinite(stamp) && now - stamp > STALE_AFTER_MS)) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      }
    }
  });
}

/**
 * A pool on a test database. pg-pool's end() resolves before its sockets close, so dropping the
 * database right after may end them under the pool: those errors are expected, not failures.
 */
export function testPool(database: Pick<TestDatabase, 'url'>, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: database.url, max });
  pool.on('error', () => undefined);
  return pool;
}
