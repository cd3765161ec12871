import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, startCrowdedApp, type Page } from './support/member-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface ActivityItem {
  actor: { id: string; username: string };
  verb: string;
  occurredAt: string;
}

interface FilmRef {
  id: string;
  slug: string;
  title: string;
  year: number | null;
}

describe('activity (e2e)', () => {
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

  const activityOf = async (film: Film): Promise<[string, string][]> =>
    (await client.read<Page<ActivityItem>>(`/films/${film.slug}/activity`)).items.map((item) => [
      item.actor.username,
      item.verb,
    ]);

  /** Every page of a list, following nextCursor. */
  const allPages = async <Item>(path: string, limit: number): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Item> = await client.read<Page<Item>>(path, cursor ? { limit, cursor } : { limit });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  describe('a film’s activity', () => {
    it('lists who did what, newest first, with usernames, by slug or id', async () => {
      const film = await addFilm(testApp.app);
      const [ana, ben, cleo] = await client.members(3);
      await client.mark(ana!, 'put', 'watchlist', film);
      await client.mark(ben!, 'put', 'check', film);
      await client.mark(cleo!, 'put', 'watchlist', film);
      // Ana's check takes the film off her watchlist: her "watchlisted" goes.
      await client.mark(ana!, 'put', 'check', film);

      const page = await client.read<Page<ActivityItem>>(`/films/${film.slug}/activity`);
      expect(page.items.map((item) => [item.actor, item.verb])).toEqual([
        [{ id: ana!.id, username: ana!.username }, 'checked'],
        [{ id: cleo!.id, username: cleo!.username }, 'watchlisted'],
        [{ id: ben!.id, username: ben!.username }, 'checked'],
      ]);
      const times = page.items.map((item) => Date.parse(item.occurredAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(page.nextCursor).toBeNull();
      expect(await client.read(`/films/${film.id}/activity`)).toEqual(page);
    });

    it('retracts what is taken back; a favourite again shows with its new time', async () => {
      const film = await addFilm(testApp.app);
      const member = await registerUser(testApp.app);
      await client.mark(member, 'put', 'favourite', film);
      const first = await client.read<Page<ActivityItem>>(`/films/${film.id}/activity`);
      expect(first.items.map((item) => item.verb).sort()).toEqual(['checked', 'favourited']);
      const favouritedAt = first.items.find((item) => item.verb === 'favourited')!.occurredAt;

      await client.mark(member, 'delete', 'favourite', film);
      expect(await activityOf(film)).toEqual([[member.username, 'checked']]);

      await new Promise((resolve) => setTimeout(resolve, 5));
      await client.mark(member, 'put', 'favourite', film);
      const again = await client.read<Page<ActivityItem>>(`/films/${film.id}/activity`);
      expect(again.items.map((item) => item.verb)).toEqual(['favourited', 'checked']);
      expect(Date.parse(again.items[0]!.occurredAt)).toBeGreaterThan(Date.parse(favouritedAt));

      // Unchecking takes the favourite with it: nothing of this member is left.
      await client.mark(member, 'delete', 'check', film);
      expect(await activityOf(film)).toEqual([]);
    });

    it('leaves no "checked" after a check and an uncheck, and shows a dislike and its retraction', async () => {
      const film = await addFilm(testApp.app);
      const member = await registerUser(testApp.app);
      await client.mark(member, 'put', 'check', film);
      await client.mark(member, 'delete', 'check', film);
      expect(await activityOf(film)).toEqual([]);

      await client.mark(member, 'put', 'dislike', film);
      expect((await activityOf(film)).map(([, verb]) => verb).sort()).toEqual(['checked', 'disliked']);
      await client.mark(member, 'delete', 'dislike', film);
      expect(await activityOf(film)).toEqual([[member.username, 'checked']]);
    });

    it('pages through without repeating or skipping while others keep adding', async () => {
      const film = await addFilm(testApp.app);
      const members = await client.members(12);
      for (const member of members) {
        await client.mark(member, 'put', 'watchlist', film);
        await client.mark(member, 'put', 'favourite', film);
      }
      // 12 × (checked, favourited): watchlisted was retracted by the check.
      const before = await allPages<ActivityItem>(`/films/${film.id}/activity`, 100);
      expect(before).toHaveLength(24);

      const latecomers = await client.members(6);
      let writing = true;
      const writes = (async () => {
        for (const member of latecomers) await client.mark(member, 'put', 'dislike', film);
        writing = false;
      })();
      const seen: ActivityItem[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<ActivityItem> = await client.read<Page<ActivityItem>>(
          `/films/${film.id}/activity`,
          cursor ? { limit: 5, cursor } : { limit: 5 },
        );
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      await writes;

      const key = (item: ActivityItem): string => `${item.actor.id}.${item.verb}.${item.occurredAt}`;
      expect(new Set(seen.map(key)).size).toBe(seen.length);
      expect(seen.map(key)).toEqual(expect.arrayContaining(before.map(key)));
      const times = seen.map((item) => Date.parse(item.occurredAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(writing).toBe(false);
      expect(await allPages<ActivityItem>(`/films/${film.id}/activity`, 7)).toHaveLength(36);
    });

    it('answers 404 for an unknown film and 400 naming a bad limit or cursor', async () => {
      await request(server).get('/api/v1/films/no-such-film-1900/activity').expect(404);
      const film = await addFilm(testApp.app);
      for (const [query, field] of [
        [{ limit: 0 }, 'limit'],
        [{ limit: 101 }, 'limit'],
        [{ limit: 'ten' }, 'limit'],
        [{ cursor: 'not-a-cursor' }, 'cursor'],
        [{ cursor: Buffer.from('["2024-01-01T00:00:00.000Z","x"]').toString('base64url') }, 'cursor'],
      ] as const) {
        const response = await request(server).get(`/api/v1/films/${film.id}/activity`).query(query);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(fieldsOf(response.body as ProblemBody)).toEqual([field]);
      }
    });
  });

  describe('a member’s lists', () => {
    let member: TestUser;
    const films: Film[] = [];

    beforeAll(async () => {
      member = await registerUser(testApp.app);
      for (let index = 0; index < 5; index += 1)
        films.push(await addFilm(testApp.app, { year: 1990 + index }));
      const [seen, loved, hated, wanted, both] = films as [Film, Film, Film, Film, Film];
      await client.mark(member, 'put', 'check', seen, { watchedOn: '2024-05-17' });
      await client.mark(member, 'put', 'favourite', loved);
      await client.mark(member, 'put', 'dislike', hated);
      await client.mark(member, 'put', 'watchlist', wanted);
      await client.mark(member, 'put', 'favourite', both);
      await client.mark(member, 'put', 'watchlist', both);
    });

    const ref = (film: Film): FilmRef => ({
      id: film.id,
      slug: film.slug,
      title: film.title,
      year: film.year,
    });

    it('lists the checks, latest first, with the watch date and marks', async () => {
      const [seen, loved, hated, , both] = films as [Film, Film, Film, Film, Film];
      const page = await client.read<Page<Record<string, unknown>>>(`/users/${member.username}/checks`);
      expect(page.items).toEqual([
        { film: ref(both), checkedAt: expect.any(String), watchedOn: null, favourite: true, disliked: false },
        {
          film: ref(hated),
          checkedAt: expect.any(String),
          watchedOn: null,
          favourite: false,
          disliked: true,
        },
        {
          film: ref(loved),
          checkedAt: expect.any(String),
          watchedOn: null,
          favourite: true,
          disliked: false,
        },
        {
          film: ref(seen),
          checkedAt: expect.any(String),
          watchedOn: '2024-05-17',
          favourite: false,
          disliked: false,
        },
      ]);
      expect(page.nextCursor).toBeNull();
      const paged = await allPages<{ film: FilmRef }>(`/users/${member.username.toUpperCase()}/checks`, 3);
      expect(paged.map((item) => item.film.id)).toEqual([both, hated, loved, seen].map((film) => film.id));
    });

    it('lists the favourites and the watchlist, latest first', async () => {
      const [, loved, , wanted, both] = films as [Film, Film, Film, Film, Film];
      const favourites = await client.read<Page<{ film: FilmRef; favouritedAt: string }>>(
        `/users/${member.username}/favourites`,
      );
      expect(favourites.items.map((item) => item.film)).toEqual([ref(both), ref(loved)]);
      expect(favourites.items.every((item) => !Number.isNaN(Date.parse(item.favouritedAt)))).toBe(true);

      const watchlist = await client.read<Page<{ film: FilmRef; addedAt: string }>>(
        `/users/${member.username}/watchlist`,
      );
      expect(watchlist.items.map((item) => item.film)).toEqual([ref(both), ref(wanted)]);
      expect(watchlist.items.every((item) => !Number.isNaN(Date.parse(item.addedAt)))).toBe(true);
    });

    it('lists the member’s activity as feed items, paged', async () => {
      const items = await allPages<ActivityItem & { film: FilmRef }>(`/users/${member.username}/activity`, 2);
      const [seen, loved, hated, wanted, both] = films as [Film, Film, Film, Film, Film];
      expect(items[0]).toEqual({
        actor: { id: member.id, username: member.username },
        verb: 'watchlisted',
        occurredAt: expect.any(String),
        film: ref(both),
      });
      const sorted = (pairs: [string, string][]) => pairs.map((pair) => pair.join(' ')).sort();
      expect(sorted(items.map((item) => [item.film.id, item.verb]))).toEqual(
        sorted([
          [seen.id, 'checked'],
          [loved.id, 'checked'],
          [loved.id, 'favourited'],
          [hated.id, 'checked'],
          [hated.id, 'disliked'],
          [wanted.id, 'watchlisted'],
          [both.id, 'checked'],
          [both.id, 'favourited'],
          [both.id, 'watchlisted'],
        ]),
      );
    });

    it('answers 404 for an unknown member and 400 naming a bad limit', async () => {
      for (const list of ['checks', 'favourites', 'watchlist', 'activity']) {
        await request(server).get(`/api/v1/users/nobody_by_that_name/${list}`).expect(404);
        const response = await request(server)
          .get(`/api/v1/users/${member.username}/${list}`)
          .query({ limit: 1000 });
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body as ProblemBody)).toEqual(['limit']);
      }
    });
  });

  it('documents the routes in the OpenAPI spec', async () => {
    const document = (await request(server).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    };
    for (const path of [
      '/api/v1/films/{idOrSlug}/activity',
      '/api/v1/films/{idOrSlug}/friends',
      '/api/v1/feed',
      '/api/v1/users/{username}/checks',
      '/api/v1/users/{username}/favourites',
      '/api/v1/users/{username}/watchlist',
      '/api/v1/users/{username}/activity',
    ]) {
      expect(Object.keys(document.paths[path]!.get!.responses)).toEqual(
        expect.arrayContaining(['200', '400']),
      );
    }
    expect(document.paths['/api/v1/feed']!.get!.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/films/{idOrSlug}/friends']!.get!.security).toEqual([{ bearer: [] }]);
  });
});
