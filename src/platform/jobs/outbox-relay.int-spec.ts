import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { createTestDatabase, testPool, type TestDatabase } from '#testing';
import { enqueueJobs, type OutboxJob } from './job-outbox.js';
import { OutboxRelay } from './outbox-relay.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port nothing listens on: bound by the system, then released. */
const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const until = async (check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('outbox relay', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let redis: Redis;
  let prefix: string;
  let queue: Queue;
  const relays: OutboxRelay[] = [];
  const connections: Redis[] = [];

  const job = (data: Record<string, unknown> = {}): OutboxJob => ({
    queue: 'relay-test',
    name: 'noted',
    jobId: randomUUID(),
    data: { marker: randomUUID(), ...data },
  });

  const enqueue = (jobs: readonly OutboxJob[]): Promise<void> =>
    enqueueJobs({ query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows }, jobs);

  const outboxCount = async (): Promise<number> =>
    (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_outbox`)).rows[0]!.n;

  const relayOn = (
    connection: Redis,
    options: { pollIntervalMs?: number; logger?: object } = {},
  ): OutboxRelay => {
    const relay = new OutboxRelay({
      pool,
      connection,
      prefix,
      pollIntervalMs: options.pollIntervalMs ?? 60_000,
      minBackoffMs: 20,
      maxBackoffMs: 100,
      redisTimeoutMs: 1000,
      ...(options.logger ? { logger: options.logger as never } : {}),
    });
    relays.push(relay);
    return relay;
  };

  const goodConnection = (): Redis => {
    const connection = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: null });
    connections.push(connection);
    return connection;
  };

  const ready = (connection: Redis): Promise<void> =>
    connection.status === 'ready'
      ? Promise.resolve()
      : new Promise((resolve) => connection.once('ready', resolve));

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 6);
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    prefix = `${database.name}:bull`;
    queue = new Queue('relay-test', { connection: redis, prefix });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    for (const connection of connections.splice(0)) connection.disconnect();
    await pool.query(`DELETE FROM job_outbox`);
    await queue.obliterate({ force: true });
  });

  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await pool.end();
    await database.drop();
  });

  it('hands each row to BullMQ once, with the event-derived job id, and empties the outbox', async () => {
    const jobs = Array.from({ length: 30 }, () => job());
    await enqueue(jobs);
    // The same event seen again (a replayed batch): one row per job id.
    await enqueue(jobs.slice(0, 5));
    expect(await outboxCount()).toBe(30);

    const connection = goodConnection();
    await ready(connection);
    const [first, second] = [relayOn(connection), relayOn(connection)];
    // Two relays at once: SKIP LOCKED splits the rows between them.
    const moved = await Promise.all([first.relayOnce(), second.relayOnce(), first.relayOnce()]);
    expect(moved.reduce((sum, n) => sum + n, 0)).toBe(30);
    expect(await outboxCount()).toBe(0);

    const queued = await queue.getJobs(['waiting']);
    expect(queued).toHaveLength(30);
    expect(new Map(queued.map((entry) => [entry.id, entry.data]))).toEqual(
      new Map(jobs.map((entry) => [entry.jobId, entry.data])),
    );
    expect(new Set(queued.map((entry) => entry.name))).toEqual(new Set(['noted']));
  });

  it('does not queue a job twice when its row comes back after delivery', async () => {
    const jobs = [job(), job()];
    await enqueue(jobs);
    const relay = relayOn(goodConnection());
    await ready(connections[0]!);
    expect(await relay.relayOnce()).toBe(2);
    await enqueue(jobs);
    expect(await relay.relayOnce()).toBe(2);
    expect(await outboxCount()).toBe(0);
    expect(await queue.getJobCountByTypes('waiting')).toBe(2);
  });

  it('wakes on the NOTIFY of a committed enqueue, long before its poll', async () => {
    const relay = relayOn(goodConnection(), { pollIntervalMs: 60_000 });
    await ready(connections[0]!);
    relay.start();
    // Let it listen and go idle first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const woken = job();
    await enqueue([woken]);
    await until(async () => (await queue.getJob(woken.jobId)) !== undefined, 3000);
    await until(async () => (await outboxCount()) === 0);
  });

  it('keeps the rows while Redis is unreachable, logs the outage once, and a good connection delivers them', async () => {
    const warnings: unknown[] = [];
    const logger = {
      info: () => undefined,
      warn: (obj: unknown) => warnings.push(obj),
      error: () => undefined,
    };
    const unreachable = new Redis(`redis://127.0.0.1:${await closedPort()}`, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: null,
      retryStrategy: () => 50,
      connectTimeout: 200,
    });
    unreachable.on('error', () => undefined);
    connections.push(unreachable);
    const jobs = [job(), job(), job()];
    await enqueue(jobs);

    const down = relayOn(unreachable, { pollIntervalMs: 20, logger });
    await expect(down.relayOnce()).rejects.toThrow(/Redis/);
    down.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await outboxCount()).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(await queue.getJobCountByTypes('waiting')).toBe(0);

    const up = relayOn(goodConnection(), { pollIntervalMs: 20 });
    up.start();
    await until(async () => (await outboxCount()) === 0);
    const queued = await queue.getJobs(['waiting']);
    expect(queued.map((entry) => entry.id).sort()).toEqual(jobs.map((entry) => entry.jobId).sort());
  });
});
