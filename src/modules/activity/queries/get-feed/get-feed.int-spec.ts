import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import type { FeedItem } from '../../activity.response.js';
import { GetFeed, GetFeedHandler } from './get-feed.query.js';

/**
 * The feed's two-pass query against the plain merge of every followee's rows, on rows written
 * straight into the tables: many followees, uneven activity, and many rows sharing a time.
 */
describe('feed query', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let feed: GetFeedHandler;
  const reader = randomUUID();
  const stranger = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 2);
    feed = new GetFeedHandler(pool);

    let seeded = 7;
    const pick = (count: number): number => {
      seeded = (Math.imul(seeded, 1103515245) + 12345) >>> 0;
      return (seeded >>> 16) % count;
    };
    const members = [reader, stranger, ...Array.from({ length: 60 }, () => randomUUID())];
    const films = Array.from({ length: 30 }, () => randomUUID());
    await pool.query(
      `INSERT INTO accounts (id, username, username_key, password_hash)
       SELECT id, 'm' || n, 'm' || n, 'x' FROM unnest($1::uuid[]) WITH ORDINALITY AS member(id, n)`,
      [members],
    );
    await pool.query(
      `INSERT INTO films (id, slug, title, year, search_text, title_key)
       SELECT id, 'film-' || n, 'Film ' || n, 2000, 'film', 'film' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS film(id, n)`,
      [films],
    );
    // The reader follows 40 members; the stranger is not among them.
    const followees = members.slice(2, 42);
    await pool.query(
      `INSERT INTO follows (follower_id, followee_id, followed_at) SELECT $1, unnest($2::uuid[]), now()`,
      [reader, followees],
    );
    // Activity skewed toward the first members, with times drawn from 40 instants (many ties).
    const rows = new Map<string, [string, string, string, string]>();
    const verbs = ['checked', 'favourited', 'disliked', 'watchlisted'];
    for (let index = 0; index < 1_500; index += 1) {
      const actor = members[1 + Math.floor(Math.sqrt(pick(61 * 61)))]!;
      const [film, verb] = [films[pick(films.length)]!, verbs[pick(verbs.length)]!];
      const at = new Date(Date.UTC(2024, 0, 1, 0, pick(40))).toISOString();
      rows.set(`${actor}.${film}.${verb}`, [actor, film, verb, at]);
    }
    const values = [...rows.values()];
    await pool.query(
      `INSERT INTO activity (event_id, actor_id, film_id, verb, occurred_at)
       SELECT gen_random_uuid(), * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])`,
      [0, 1, 2, 3].map((column) => values.map((row) => row[column])),
    );
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  /** Every followee's rows, merged in (time, id) order: what the feed must give, page after page. */
  const merged = async (): Promise<string[]> =>
    (
      await pool.query<{ key: string }>(
        `SELECT activity.actor_id || '.' || activity.film_id || '.' || activity.verb AS key
         FROM activity JOIN follows ON follows.followee_id = activity.actor_id
         WHERE follows.follower_id = $1
         ORDER BY activity.occurred_at DESC, activity.event_id DESC`,
        [reader],
      )
    ).rows.map((row) => row.key);

  const keyOf = (item: FeedItem): string => `${item.actor.id}.${item.film.id}.${item.verb}`;

  const pages = async (limit: number): Promise<FeedItem[][]> => {
    const all: FeedItem[][] = [];
    let cursor: string | undefined;
    do {
      const page = await feed.execute(new GetFeed(reader, { limit, cursor }));
      all.push([...page.items]);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  };

  it.each([1, 3, 20, 100])('gives the merged order in pages of %i', async (limit) => {
    const expected = await merged();
    expect(expected.length).toBeGreaterThan(500);
    const all = await pages(limit);
    expect(all.flat().map(keyOf)).toEqual(expected);
    expect(all.slice(0, -1).every((page) => page.length === limit)).toBe(true);
  });

  it('names the actor and the film of each item, and nothing of members not followed', async () => {
    const { items } = await feed.execute(new GetFeed(reader, { limit: 100 }));
    for (const item of items) {
      expect(item.actor.username).toMatch(/^m\d+$/);
      expect(item.film).toEqual({
        id: expect.any(String),
        slug: expect.stringMatching(/^film-\d+$/),
        title: expect.any(String),
        year: 2000,
      });
      expect(item.actor.id).not.toBe(stranger);
    }
    expect(await feed.execute(new GetFeed(stranger, {}))).toEqual({ items: [], nextCursor: null });
  });
});
