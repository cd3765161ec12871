import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { bullPrefix } from '../../src/platform/jobs/bullmq.js';
import { MODERATION_QUEUE } from '../../src/modules/moderation/projections/moderation-triggers.projection.js';
import { castOf, runMixedLoad, type Cast, type Client } from './support/mixed-load.js';
import type { ServiceProcess } from './support/service-process.js';
import { Stack } from './support/stack.js';

const OUTAGE_MS = 8_000;
const SEED = 99;
/** Limits switched on (far above the load), so the rate limiters' fallback is part of what is tested. */
const LIMITS = { AUTH_RATE_LIMIT_PER_MINUTE: '100000', COMMENT_RATE_LIMIT_PER_MINUTE: '100000' };

interface CommentReports {
  readonly stream_id: string;
  readonly reporters: number;
  readonly auto_hidden: number;
}

/** Per reported comment: distinct reporters, and how many times the auto-hide job hid it. */
async function reportedComments(pool: pg.Pool): Promise<CommentReports[]> {
  const { rows } = await pool.query<CommentReports>(
    `SELECT stream_id,
            count(DISTINCT data->>'reporterId') FILTER (WHERE type = 'CommentReported')::int AS reporters,
            count(*) FILTER (WHERE type = 'CommentAutoHidden')::int AS auto_hidden
     FROM events WHERE stream_id IN (SELECT stream_id FROM events WHERE type = 'CommentReported')
     GROUP BY stream_id`,
  );
  return rows;
}

/**
 * Redis (BullMQ and the rate limits) stops under load. Commands go on succeeding: jobs are derived
 * from events into an outbox in PostgreSQL, not sent by the request. When Redis returns, the jobs
 * the outage held back run, and each takes effect once.
 */
describe('Redis stopped during load', () => {
  let stack: Stack;
  let api: ServiceProcess;
  let client: Client;
  let cast: Cast;

  beforeAll(async () => {
    stack = await Stack.start(LIMITS);
    api = await stack.startProcess('api');
    await stack.startProcess('worker');
    client = stack.client(api);
    cast = await castOf(client, 16, 8);
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  it('keeps commands succeeding and runs the held-back jobs once each when Redis returns', async () => {
    const events = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
    const load = new AbortController();
    const running = runMixedLoad(client, cast, { concurrency: 6, seed: SEED, signal: load.signal });
    try {
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await stack.redis.stop();
      const stoppedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
      // Registration goes through the auth rate limit, which counts in Redis.
      const registered = await client.send('register', 'POST', '/auth/register', {
        body: { username: 'while_redis_is_down', email: 'down@example.org', password: 'a-long-password' },
      });
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
      const heldBack = await events.query<{ count: number }>('SELECT count(*)::int AS count FROM job_outbox');
      await stack.redis.start();
      const restartedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      load.abort();
      await running;

      const outcomes = client.outcomes;
      const inOutage = outcomes.filter(
        (outcome) => outcome.startedAt >= stoppedAt && outcome.startedAt + outcome.ms <= restartedAt,
      );
      expect(outcomes.filter((outcome) => outcome.status === 0 || outcome.status >= 500)).toEqual([]);
      expect(registered.status).toBe(201);
      const writesInOutage = inOutage.filter((outcome) => outcome.method !== 'GET');
      expect(
        writesInOutage.filter((outcome) => outcome.status >= 200 && outcome.status < 300).length,
      ).toBeGreaterThan(100);
      // The outage held jobs back in the outbox: the relay could not hand them to Redis.
      expect(heldBack.rows[0]!.count).toBeGreaterThan(0);

      // Every comment reported by three or more members is hidden by its job exactly once.
      const deadline = Date.now() + 60_000;
      let comments = await reportedComments(events);
      const settled = (rows: readonly CommentReports[]) =>
        rows.every((row) => row.auto_hidden === (row.reporters >= 3 ? 1 : 0));
      while (!settled(comments) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        comments = await reportedComments(events);
      }
      const reachedThreshold = comments.filter((row) => row.reporters >= 3);
      expect(reachedThreshold.length).toBeGreaterThan(0);
      expect(comments.filter((row) => row.auto_hidden !== (row.reporters >= 3 ? 1 : 0))).toEqual([]);
      expect(comments.filter((row) => row.auto_hidden > 1)).toEqual([]);
      const outbox = await events.query<{ count: number }>('SELECT count(*)::int AS count FROM job_outbox');
      expect(outbox.rows[0]!.count).toBe(0);

      const connection = new Redis(stack.redis.url, { maxRetriesPerRequest: null });
      const queue = new Queue(MODERATION_QUEUE, { connection, prefix: bullPrefix('filmlog:') });
      try {
        const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
        expect(counts).toMatchObject({ failed: 0, waiting: 0, active: 0, delayed: 0 });
        expect(counts.completed).toBeGreaterThanOrEqual(reachedThreshold.length);
        console.log(
          `Redis stop: down ${restartedAt - stoppedAt} ms; ${outcomes.length} requests, ` +
            `${writesInOutage.length} writes in the outage, none failed; ${heldBack.rows[0]!.count} jobs held ` +
            `in the outbox; ${counts.completed} jobs completed; ${reachedThreshold.length} comments hidden once each`,
        );
      } finally {
        await queue.close();
        connection.disconnect();
      }
    } finally {
      load.abort();
      await running;
      await events.end();
    }
  });
});
