import pg from 'pg';
import {
  castOf,
  REQUEST_TIMEOUT_MS,
  runMixedLoad,
  type Cast,
  type Client,
  type Outcome,
} from './support/mixed-load.js';
import type { ServiceProcess } from './support/service-process.js';
import { Stack } from './support/stack.js';

const OUTAGE_MS = 6_000;
/** A request during the outage is answered within this: the pool's connect timeout plus slack. */
const ANSWER_BOUND_MS = 8_000;
const SEED = 7;

const isWrite = (outcome: Outcome) => outcome.method !== 'GET';
const ok = (outcome: Outcome) => outcome.status >= 200 && outcome.status < 300;

async function untilReady(service: ServiceProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const response = await fetch(service.url('/health/ready')).catch(() => null);
    if (response?.status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.role} was not ready ${timeoutMs} ms after PostgreSQL came back`);
}

/**
 * PostgreSQL (events and read models) stops abruptly under load and comes back. Commands in the
 * outage get a 503 problem+json within a bound, never a 500 or a hang; every command that got a
 * 2xx is in the event store exactly once; the service recovers by itself.
 */
describe('PostgreSQL restarted during load', () => {
  let stack: Stack;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let client: Client;
  let cast: Cast;

  beforeAll(async () => {
    stack = await Stack.start();
    api = await stack.startProcess('api');
    worker = await stack.startProcess('worker');
    client = stack.client(api);
    cast = await castOf(client, 16, 8);
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  it('answers 503 in the outage, keeps every acknowledged command once, and recovers alone', async () => {
    const load = new AbortController();
    const running = runMixedLoad(client, cast, { concurrency: 8, seed: SEED, signal: load.signal });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const stoppedAt = Date.now();
    stack.postgres.stop('immediate');
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    stack.postgres.start();
    const restartedAt = Date.now();
    const [apiReadyAfterMs, workerReadyAfterMs] = await Promise.all([
      untilReady(api, 60_000),
      untilReady(worker, 60_000),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    load.abort();
    await running;

    const outcomes = [...client.outcomes];
    const unanswered = outcomes.filter((outcome) => outcome.status === 0);
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500 && outcome.status !== 503);
    const unavailable = outcomes.filter((outcome) => outcome.status === 503);
    expect(unanswered).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const outcome of unavailable) {
      expect(outcome.contentType).toMatch(/^application\/problem\+json/);
      expect(outcome).toMatchObject({ body: { status: 503 } });
    }
    const slowest = Math.max(...outcomes.map((outcome) => outcome.ms));
    expect(slowest).toBeLessThan(Math.min(ANSWER_BOUND_MS, REQUEST_TIMEOUT_MS));
    // Nothing fails once the service said it was ready again.
    const lastUnavailableAt = Math.max(...unavailable.map((outcome) => outcome.startedAt + outcome.ms));
    const afterRecovery = outcomes.filter(
      (outcome) => outcome.startedAt > restartedAt + Math.max(apiReadyAfterMs, workerReadyAfterMs),
    );
    expect(afterRecovery.filter(isWrite).filter(ok).length).toBeGreaterThan(50);
    expect(afterRecovery.filter((outcome) => outcome.status >= 500)).toEqual([]);

    // A post whose answer was lost is retried with its Idempotency-Key, as a client would.
    const posts = outcomes.filter((outcome) => outcome.action === 'post comment');
    for (const post of posts.filter((outcome) => !ok(outcome))) {
      const retry = await client.send('retry post', 'POST', post.path, {
        token: post.token,
        body: { body: `A comment ${post.idempotencyKey}` },
        headers: { 'idempotency-key': post.idempotencyKey! },
      });
      expect([200, 201]).toContain(retry.status);
    }

    const events = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
    try {
      const acknowledged = posts.filter(ok).map((post) => (post.body as { id: string }).id);
      const { rows } = await events.query<{ stream_id: string; count: number }>(
        `SELECT stream_id, count(*)::int AS count FROM events
         WHERE type = 'CommentPosted' AND stream_id = ANY($1::text[]) GROUP BY stream_id`,
        [acknowledged.map((id) => `comment-${id}`)],
      );
      expect(rows).toHaveLength(acknowledged.length);
      expect(rows.filter((row) => row.count !== 1)).toEqual([]);
      const duplicates = await events.query(
        `SELECT data->>'body' AS body, count(*)::int FROM events WHERE type = 'CommentPosted'
         GROUP BY 1 HAVING count(*) > 1`,
      );
      expect(duplicates.rows).toEqual([]);
      // ... and every post, answered or not, is stored now: exactly once each.
      const stored = await events.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM events WHERE type = 'CommentPosted' AND data->>'body' = ANY($1::text[])`,
        [posts.map((post) => `A comment ${post.idempotencyKey}`)],
      );
      expect(stored.rows[0]!.count).toBe(posts.length);
    } finally {
      await events.end();
    }

    await stack.readModels.untilCaughtUp(120_000);
    expect(await stack.readModels.deadLetters()).toEqual([]);
    expect(await stack.readModels.differencesFromRecount(client, cast.admin, 180_000)).toEqual([]);
    console.log(
      `PostgreSQL restart: down ${restartedAt - stoppedAt} ms; ${outcomes.length} requests, ` +
        `${unavailable.length} answered 503, slowest answer ${slowest} ms; last 503 ended ` +
        `${lastUnavailableAt - restartedAt} ms after the restart; api ready after ${apiReadyAfterMs} ms, ` +
        `worker after ${workerReadyAfterMs} ms; ${posts.filter(ok).length} comments acknowledged, each stored once`,
    );
  });
});
