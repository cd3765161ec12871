import { Redis } from 'ioredis';
import type pg from 'pg';
import { PostgresEventStore } from '#event-store';
import type { ProjectionMonitor, ProjectionStatus } from '#projections';
import { createTestDatabase, testPool, type TestDatabase } from '#testing';
import { CHECK_TIMEOUT_MS, ReadinessService } from './readiness.service.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('ReadinessService, the projections part', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let redis: Redis;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database);
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
    await redis.ping();
  });

  afterAll(async () => {
    await store?.close();
    redis?.disconnect();
    await pool?.end();
    await database?.drop();
  });

  /** Real dependencies; the projections' statuses as `statuses` gives them. */
  const readiness = (statuses: () => Promise<ProjectionStatus[]>) =>
    new ReadinessService(pool, redis, store, { statuses } as unknown as ProjectionMonitor);

  it('stays ready, degraded, when the statuses are not read in time', async () => {
    const check = await readiness(() => new Promise(() => undefined)).check();

    expect(check).toMatchObject({
      ready: true,
      degraded: true,
      checks: {
        postgres: { status: 'up' },
        redis: { status: 'up' },
        eventStore: { status: 'up' },
        projections: { status: 'degraded', reason: `statuses not read within ${CHECK_TIMEOUT_MS} ms` },
      },
    });
  }, 10_000);

  it('is not ready when reading the statuses fails', async () => {
    const check = await readiness(async () => {
      throw new Error('relation "projection_checkpoints" does not exist');
    }).check();

    expect(check).toMatchObject({
      ready: false,
      checks: { projections: { status: 'down', reason: 'statuses unavailable' } },
    });
  });
});
