import request from 'supertest';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm, addFilms } from './support/films.js';
import { MemberClient, startCrowdedApp, type Page } from './support/member-client.js';
import { fieldsOf, type ProblemBody } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface FeedItem {
  actor: { id: string; username: string };
  verb: string;
  occurredAt: string;
  film: { id: string; slug: string; title: string; year: number | null };
}

interface FriendCheck {
  user: { id: string; username: string };
  checkedAt: string;
  favourite: boolean;
  disliked: boolean;
}

describe('feed and friends (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** A signed-in read that includes every write made so far. */
  const read = <Body>(reader: TestUser, path: string, query: Record<string, string | number> = {}) =>
    client.read<Body>(path, query, reader);

  const feedOf = async (reader: TestUser): Promise<[string, string, string][]> =>
    (await read<Page<FeedItem>>(reader, '/feed', { limit: 100 })).items.map((item) => [
      item.actor.username,
      item.verb,
      item.film.id,
    ]);

  describe('the feed', () => {
    it('shows a followee’s past activity at once after following, and none after unfollowing', async () => {
      const [reader, ana, ben] = (await client.members(3)) as [TestUser, TestUser, TestUser];
      const [paris, tokyo] = [await addFilm(testApp.app, { year: 2008 }), await addFilm(testApp.app)];
      await client.mark(ana, 'put', 'watchlist', paris);
      await client.mark(ben, 'put', 'check', tokyo);
      await client.mark(ana, 'put', 'dislike', tokyo);
      expect(await feedOf(reader)).toEqual([]);

      await client.follow(reader, ana.username);
      const feed = await read<Page<FeedItem>>(reader, '/feed');
      expect(feed.nextCursor).toBeNull();
      expect(feed.items.map((item) => item.verb).slice(2)).toEqual(['watchlisted']);
      expect(
        feed.items
          .map((item) => item.verb)
          .slice(0, 2)
          .sort(),
      ).toEqual(['checked', 'disliked']);
      expect(feed.items[2]).toEqual({
        actor: { id: ana.id, username: ana.username },
        verb: 'watchlisted',
        occurredAt: expect.any(String),
        film: { id: paris.id, slug: paris.slug, title: paris.title, year: 2008 },
      });

      await client.follow(reader, ben.username);
      expect((await feedOf(reader)).map(([username]) => username)).toEqual([
        ana.username,
        ana.username,
        ben.username,
        ana.username,
      ]);

      await client.follow(reader, ana.username, 'delete');
      expect(await feedOf(reader)).toEqual([[ben.username, 'checked', tokyo.id]]);
    });

    it('drops what a followee takes back, and shows it again with the new time', async () => {
      const [reader, ana] = (await client.members(2)) as [TestUser, TestUser];
      const film = await addFilm(testApp.app);
      await client.follow(reader, ana.username);
      await client.mark(ana, 'put', 'favourite', film);
      const before = await read<Page<FeedItem>>(reader, '/feed');
      const favouritedAt = before.items.find((item) => item.verb === 'favourited')!.occurredAt;

      await client.mark(ana, 'delete', 'favourite', film);
      expect(await feedOf(reader)).toEqual([[ana.username, 'checked', film.id]]);

      await new Promise((resolve) => setTimeout(resolve, 5));
      await client.mark(ana, 'put', 'favourite', film);
      const after = await read<Page<FeedItem>>(reader, '/feed');
      expect(after.items[0]!.verb).toBe('favourited');
      expect(Date.parse(after.items[0]!.occurredAt)).toBeGreaterThan(Date.parse(favouritedAt));

      await client.mark(ana, 'delete', 'check', film);
      expect(await feedOf(reader)).toEqual([]);
    });

    it('pages through without repeating or skipping while followees keep adding', async () => {
      const [reader, ...followees] = await client.members(9);
      const films = await addFilms(testApp.app, 4);
      for (const followee of followees) await client.follow(reader!, followee.username);
      for (const film of films) {
        for (const followee of followees) await client.mark(followee, 'put', 'check', film);
      }
      const key = (item: FeedItem): string => `${item.actor.id}.${item.film.id}.${item.verb}`;
      const before = (await read<Page<FeedItem>>(reader!, '/feed', { limit: 100 })).items.map(key);
      expect(before).toHaveLength(32);

      const later = await addFilm(testApp.app);
      const writes = (async () => {
        for (const followee of followees) await client.mark(followee, 'put', 'favourite', later);
      })();
      const seen: FeedItem[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<FeedItem> = await read<Page<FeedItem>>(
          reader!,
          '/feed',
          cursor ? { limit: 3, cursor } : { limit: 3 },
        );
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      await writes;

      expect(new Set(seen.map(key)).size).toBe(seen.length);
      expect(seen.map(key)).toEqual(expect.arrayContaining(before));
      const times = seen.map((item) => Date.parse(item.occurredAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect((await read<Page<FeedItem>>(reader!, '/feed', { limit: 100 })).items).toHaveLength(48);
    });

    it('needs a token, and names a bad limit or cursor', async () => {
      await request(server).get('/api/v1/feed').expect(401);
      const reader = await registerUser(testApp.app);
      for (const [query, field] of [
        [{ limit: 0 }, 'limit'],
        [{ cursor: 'nope' }, 'cursor'],
      ] as const) {
        const response = await request(server)
          .get('/api/v1/feed')
          .query(query)
          .set('Authorization', bearer(reader));
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body as ProblemBody)).toEqual([field]);
      }
    });
  });

  describe('friends who checked a film', () => {
    it('lists the followed members who checked it, with their marks, latest check first', async () => {
      const [reader, fan, critic, planner, stranger, quitter] = (await client.members(6)) as TestUser[];
      const film = await addFilm(testApp.app);
      for (const followee of [fan!, critic!, planner!, quitter!])
        await client.follow(reader!, followee.username);
      await client.mark(fan!, 'put', 'favourite', film);
      await client.mark(stranger!, 'put', 'check', film);
      await client.mark(critic!, 'put', 'dislike', film);
      await client.mark(planner!, 'put', 'watchlist', film);
      await client.mark(quitter!, 'put', 'check', film);
      await client.mark(quitter!, 'delete', 'check', film);

      const friends = await read<Page<FriendCheck>>(reader!, `/films/${film.slug}/friends`);
      expect(friends).toEqual({
        items: [
          {
            user: { id: critic!.id, username: critic!.username },
            checkedAt: expect.any(String),
            favourite: false,
            disliked: true,
          },
          {
            user: { id: fan!.id, username: fan!.username },
            checkedAt: expect.any(String),
            favourite: true,
            disliked: false,
          },
        ],
        nextCursor: null,
      });
      expect(Date.parse(friends.items[0]!.checkedAt)).toBeGreaterThan(
        Date.parse(friends.items[1]!.checkedAt),
      );

      const first = await read<Page<FriendCheck>>(reader!, `/films/${film.id}/friends`, { limit: 1 });
      expect(first.items.map((item) => item.user.id)).toEqual([critic!.id]);
      const second = await read<Page<FriendCheck>>(reader!, `/films/${film.id}/friends`, {
        limit: 1,
        cursor: first.nextCursor!,
      });
      expect(second).toEqual({ items: [friends.items[1]], nextCursor: null });

      await client.follow(reader!, critic!.username, 'delete');
      const after = await read<Page<FriendCheck>>(reader!, `/films/${film.id}/friends`);
      expect(after.items.map((item) => item.user.id)).toEqual([fan!.id]);
    });

    it('needs a token, and answers 404 for an unknown film', async () => {
      const film = await addFilm(testApp.app);
      await request(server).get(`/api/v1/films/${film.id}/friends`).expect(401);
      const reader = await registerUser(testApp.app);
      await request(server)
        .get('/api/v1/films/no-such-film-1900/friends')
        .set('Authorization', bearer(reader))
        .expect(404);
    });
  });
});
