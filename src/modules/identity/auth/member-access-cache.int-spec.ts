import { createTestDatabase, testPool, type TestDatabase } from '#testing';
import type pg from 'pg';
import { MEMBER_ACCESS_CHANNEL, MemberAccessCache, type AccountAccess } from './member-access-cache.js';

const ALICE = '0f8a3a52-6f7e-4a57-9d0c-2f1c1e0b9a01';
const BOB = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const ACTIVE: AccountAccess = { roles: ['member'], suspended: false, tokenGeneration: 0 };

describe('MemberAccessCache (real PostgreSQL LISTEN/NOTIFY)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let cache: MemberAccessCache;
  let lookups: string[];
  let answer: (userId: string) => Promise<AccountAccess | null>;

  const notify = (payload: string): Promise<unknown> =>
    pool.query('SELECT pg_notify($1, $2)', [MEMBER_ACCESS_CHANNEL, payload]);

  /** Polls until `check` holds: a notification arrives on another connection, a moment later. */
  const eventually = async (check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 5_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  /** The first lookup starts the LISTEN; once it is up, a lookup is kept. */
  const listening = (): Promise<void> =>
    eventually(async () => {
      const before = lookups.length;
      await cache.access(BOB);
      await cache.access(BOB);
      return lookups.length - before === 1;
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 2);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  beforeEach(() => {
    lookups = [];
    answer = () => Promise.resolve(ACTIVE);
    cache = new MemberAccessCache(
      (userId) => {
        lookups.push(userId);
        return answer(userId);
      },
      { connectionString: database.url },
    );
  });

  afterEach(() => cache.close());

  it('asks again after a notification names the member, and only that member', async () => {
    await listening();
    await cache.access(ALICE);
    await cache.access(ALICE);
    expect(lookups.filter((id) => id === ALICE)).toHaveLength(1);

    answer = () =>
      Promise.resolve({ ...ACTIVE, suspended: true, suspension: { reason: 'spam', until: null } });
    await notify(ALICE);
    await eventually(async () => (await cache.access(ALICE))?.suspended === true);
    const bobLookups = lookups.filter((id) => id === BOB).length;
    await cache.access(BOB);
    expect(lookups.filter((id) => id === BOB)).toHaveLength(bobLookups);
  });

  it('drops everything on an empty notification', async () => {
    await listening();
    await cache.access(ALICE);
    const before = lookups.length;
    await notify('');
    await eventually(async () => {
      await cache.access(ALICE);
      await cache.access(BOB);
      return lookups.length - before >= 2;
    });
  });

  it('forget() drops an entry at once, with no notification', async () => {
    await listening();
    await cache.access(ALICE);
    cache.forget(ALICE);
    await cache.access(ALICE);
    expect(lookups.filter((id) => id === ALICE)).toHaveLength(2);
  });

  it('keeps nothing while it cannot listen, and trusts nothing it kept before the connection was lost', async () => {
    await listening();
    await cache.access(ALICE);
    const { rows } = await pool.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
       WHERE application_name = 'filmlog-member-access' AND datname = current_database()`,
    );
    expect(rows).toEqual([{ terminated: true }]);
    // Changed while no one listened: the lost connection must not leave the old answer in use.
    answer = () => Promise.resolve(null);
    await eventually(async () => (await cache.access(ALICE)) === null);
    // And it listens again (after a second), caching once more.
    await listening();
  });

  it('does not keep an answer that an invalidation overtook', async () => {
    await listening();
    let release!: () => void;
    answer = () => new Promise((resolve) => (release = () => resolve(ACTIVE)));
    const pending = cache.access(ALICE);
    cache.forget(ALICE);
    release();
    await pending;
    answer = () => Promise.resolve(ACTIVE);
    await cache.access(ALICE);
    expect(lookups.filter((id) => id === ALICE)).toHaveLength(2);
  });

  it('asks again once a suspension with an end has run out', async () => {
    await listening();
    const until = new Date(Date.now() + 200).toISOString();
    answer = () => Promise.resolve({ ...ACTIVE, suspended: true, suspension: { reason: 'heat', until } });
    expect((await cache.access(ALICE))?.suspended).toBe(true);
    expect((await cache.access(ALICE))?.suspended).toBe(true);
    expect(lookups.filter((id) => id === ALICE)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = () => Promise.resolve(ACTIVE);
    expect((await cache.access(ALICE))?.suspended).toBe(false);
    expect(lookups.filter((id) => id === ALICE)).toHaveLength(2);
  });
});
