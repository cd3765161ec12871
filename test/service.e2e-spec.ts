import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import {
  adminDatabaseUrl,
  buildIfStale,
  freePort,
  quoteIdent,
  REPO_ROOT,
  withAdminClient,
  withDatabaseName,
} from '#testing';

const BUILD_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 30_000;

const startService = (env: Record<string, string>): ChildProcess =>
  spawn(process.execPath, ['dist/src/main.js'], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const collect = (child: ChildProcess): (() => string) => {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
};

async function waitUntilReady(port: number, child: ChildProcess): Promise<Response> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
    if (response?.status === 200) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the service did not become ready on port ${port}`);
}

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    return result.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

describe('the built service (node dist/src/main.js)', () => {
  beforeAll(buildIfStale, BUILD_TIMEOUT_MS);

  it('refuses a malformed variable with one line naming it, and exit code 1', async () => {
    const child = startService({ PORT: 'eighty', APP_ROLE: 'scheduler' });
    const output = collect(child);
    const [code] = (await once(child, 'exit')) as [number];

    expect(code).toBe(1);
    expect(output()).toContain('Invalid configuration: PORT must be a whole number from 1 to 65535\n');
    expect(output()).toContain('Invalid configuration: APP_ROLE must be one of api, worker, all\n');
  });

  it(
    'creates a missing database, migrates it, serves ready, and exits 0 on SIGTERM',
    async () => {
      const name = `filmlog_t_${process.env.FILMLOG_TEST_RUN_ID}_service`;
      const port = await freePort();
      const child = startService({
        PORT: String(port),
        DATABASE_URL: withDatabaseName(adminDatabaseUrl(), name),
      });
      const output = collect(child);
      try {
        const ready = await waitUntilReady(port, child);
        expect(await ready.json()).toMatchObject({ status: 'ok' });

        expect(await appliedMigrations(withDatabaseName(adminDatabaseUrl(), name))).toContain(
          'CreateEventStore1763683200000',
        );

        child.kill('SIGTERM');
        const [code] = (await once(child, 'exit')) as [number];
        expect({ code, output: code === 0 ? '' : output() }).toEqual({ code: 0, output: '' });
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        await withAdminClient((client) =>
          client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
        );
      }
    },
    START_TIMEOUT_MS + 10_000,
  );
});
