import type { Film } from '../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from './support/auth.js';
import { addFilms } from './support/films.js';
import { ListClient, type FilmListsBody } from './support/list-client.js';
import { PROBLEM_JSON, fieldsOf, type ProblemBody } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('lists (e2e): ranks, details, official lists and editions', () => {
  let testApp: TestApp;
  let lists: ListClient;
  let owner: TestUser;
  let admin: TestUser;
  let films: Film[];

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    lists = new ListClient(testApp.app);
    owner = await registerUser(testApp.app);
    admin = await registerUser(testApp.app, { roles: ['admin'] });
    films = await addFilms(testApp.app, 16);
  });

  afterAll(() => testApp.close());

  const ids = (...indexes: number[]): string[] => indexes.map((index) => films[index]!.id);

  describe('ranking', () => {
    it('adds at the end, at a rank, and past the end; answers the rank and size', async () => {
      const id = await lists.create(owner, { title: 'Ranked' });
      expect((await lists.put(owner, id, films[0]!)).body).toEqual({
        rank: 1,
        size: 1,
        position: expect.any(String),
      });
      expect((await lists.put(owner, id, films[1]!)).body).toMatchObject({ rank: 2, size: 2 });
      expect((await lists.put(owner, id, films[2]!, { rank: 1 })).body).toMatchObject({ rank: 1, size: 3 });
      expect((await lists.put(owner, id, films[3]!.slug, { rank: 99 })).body).toMatchObject({
        rank: 4,
        size: 4,
      });
      expect(await lists.filmsOf(id)).toEqual(ids(2, 0, 1, 3));
      const list = await lists.list(id, owner);
      expect(list.items.map((item) => item.rank)).toEqual([1, 2, 3, 4]);
      expect(list.items[0]!.film).toEqual({
        id: films[2]!.id,
        slug: films[2]!.slug,
        title: films[2]!.title,
        year: films[2]!.year,
        poster: null,
      });
      expect(list.size).toBe(4);
    });

    it('moves #13 to #2: the films between shift down one; a remove closes the gap', async () => {
      const id = await lists.create(owner, { title: 'Fifteen' });
      await lists.fill(owner, id, films.slice(0, 15));
      expect((await lists.put(owner, id, films[12]!, { rank: 2 })).body).toMatchObject({ rank: 2, size: 15 });
      const moved = [0, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14];
      expect(await lists.filmsOf(id)).toEqual(ids(...moved));

      expect((await lists.remove(owner, id, films[3]!)).body).toMatchObject({ size: 14 });
      const list = await lists.list(id, owner, { limit: 100 });
      expect(list.items.map((item) => item.film.id)).toEqual(ids(...moved.filter((n) => n !== 3)));
      expect(list.items.map((item) => item.rank)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      // Removing it again changes nothing.
      expect((await lists.remove(owner, id, films[3]!)).body).toMatchObject({ size: 14 });
    });

    it('pages the items in rank order with a cursor, the ranks carrying on', async () => {
      const id = await lists.create(owner, { title: 'Paged' });
      await lists.fill(owner, id, films.slice(0, 7));
      await lists.put(owner, id, films[6]!, { rank: 1 });
      const first = await lists.list(id, owner, { limit: 3 });
      expect(first.items.map((item) => item.rank)).toEqual([1, 2, 3]);
      const second = await lists.list(id, owner, { limit: 3, cursor: first.nextCursor! });
      const third = await lists.list(id, owner, { limit: 3, cursor: second.nextCursor! });
      expect(second.items.map((item) => item.rank)).toEqual([4, 5, 6]);
      expect(third.items.map((item) => item.rank)).toEqual([7]);
      expect(third.nextCursor).toBeNull();
      expect([...first.items, ...second.items, ...third.items].map((item) => item.film.id)).toEqual(
        ids(6, 0, 1, 2, 3, 4, 5),
      );
    });

    it('keeps insertion order on an unranked list, with notes, and refuses a rank (422)', async () => {
      const id = await lists.create(owner, { title: 'Festival plan', ranked: false, visibility: 'friends' });
      expect((await lists.put(owner, id, films[5]!, { note: '  Monday 9:00  ' })).body).toMatchObject({
        rank: null,
        size: 1,
      });
      await lists.put(owner, id, films[4]!);
      const refused = await lists.put(owner, id, films[6]!, { rank: 1 });
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(refused.body).toMatchObject({ code: 'list-not-ranked' });
      const list = await lists.list(id, owner);
      expect(list.items).toEqual([
        { film: expect.objectContaining({ id: films[5]!.id }), note: 'Monday 9:00' },
        { film: expect.objectContaining({ id: films[4]!.id }) },
      ]);
      await lists.put(owner, id, films[5]!, { note: null });
      expect((await lists.list(id, owner)).items[0]).toEqual({
        film: expect.objectContaining({ id: films[5]!.id }),
      });
    });
  });

  describe('details and deletion', () => {
    it('renames, describes and changes visibility; left-out fields stay', async () => {
      const id = await lists.create(owner, { title: ' Cannes ', description: 'plan', ranked: false });
      expect(await lists.list(id, owner)).toMatchObject({
        id,
        title: 'Cannes',
        description: 'plan',
        owner: { id: owner.id, username: owner.username },
        ranked: false,
        official: false,
        visibility: 'public',
        size: 0,
        edition: 0,
        items: [],
        nextCursor: null,
      });
      const changed = await lists.call(owner, 'patch', `/lists/${id}`, {
        title: 'Venice',
        visibility: 'private',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ id, position: expect.any(String) });
      expect(await lists.list(id, owner)).toMatchObject({
        title: 'Venice',
        description: 'plan',
        visibility: 'private',
      });
      await lists.call(owner, 'patch', `/lists/${id}`, { description: '   ' });
      expect(await lists.list(id, owner)).toMatchObject({ title: 'Venice', description: null });
    });

    it('deletes a list: then every route answers 404', async () => {
      const id = await lists.create(owner, { title: 'Short-lived' });
      await lists.put(owner, id, films[0]!);
      const deleted = await lists.call(owner, 'delete', `/lists/${id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ id, deleted: true, position: expect.any(String) });
      expect((await lists.call(owner, 'get', `/lists/${id}`)).status).toBe(404);
      expect((await lists.call(owner, 'delete', `/lists/${id}`)).status).toBe(404);
      expect((await lists.put(owner, id, films[1]!)).status).toBe(404);
      expect((await lists.call(owner, 'patch', `/lists/${id}`, { title: 'x' })).status).toBe(404);
      const mine = await lists.read<{ items: { id: string }[] }>(`/users/${owner.username}/lists`, owner, {
        limit: 100,
      });
      expect(mine.items.map((list) => list.id)).not.toContain(id);
    });
  });

  describe('official lists and editions', () => {
    it('only an admin makes an official list (403 for members); it must be public (422)', async () => {
      const member = await lists.call(owner, 'post', '/lists', {
        title: 'Mine',
        ranked: true,
        visibility: 'public',
        official: true,
      });
      expect(member.status).toBe(403);
      const hidden = await lists.call(admin, 'post', '/lists', {
        title: 'Hidden',
        ranked: true,
        visibility: 'friends',
        official: true,
      });
      expect(hidden.status).toBe(422);
      expect(hidden.body).toMatchObject({ code: 'official-lists-are-public' });
      const id = await lists.create(admin, { title: 'Greatest', official: true });
      expect(await lists.list(id)).toMatchObject({
        official: true,
        visibility: 'public',
        owner: { id: admin.id },
      });
      const made = await lists.call(admin, 'patch', `/lists/${id}`, { visibility: 'private' });
      expect(made.status).toBe(422);
      expect(made.body).toMatchObject({ code: 'official-lists-are-public' });
      // Members see it but may not change it.
      expect((await lists.put(owner, id, films[0]!)).status).toBe(403);
      expect((await lists.call(owner, 'delete', `/lists/${id}`)).status).toBe(403);
      expect((await lists.edition(owner, id, ids(0))).status).toBe(403);
    });

    it('an edition replaces the content; a dropped film stays in everCount ("currently in N, but has been in M")', async () => {
      const [a, b, c, d, e] = films.slice(10, 15) as [Film, Film, Film, Film, Film];
      const first = await lists.create(admin, { title: 'AAA Greatest', official: true });
      const second = await lists.create(admin, { title: 'BBB Must See', official: true });
      await lists.fill(admin, first, [a, b, c]);
      await lists.fill(admin, second, [c, a]);
      // A personal public list does not count on the film page.
      const personal = await lists.create(owner, { title: 'Mine' });
      await lists.put(owner, personal, a);

      expect(await lists.read<FilmListsBody>(`/films/${a.slug}/lists`)).toEqual({
        currentCount: 2,
        everCount: 2,
        items: [
          { list: { id: first, title: 'AAA Greatest', size: 3, official: true }, rank: 1 },
          { list: { id: second, title: 'BBB Must See', size: 2, official: true }, rank: 2 },
        ],
      });

      const published = await lists.edition(admin, first, [d.id, c.slug, b.id, e.id]);
      expect(published.status).toBe(200);
      expect(published.body).toEqual({ edition: 1, size: 4, position: expect.any(String) });
      expect(await lists.filmsOf(first)).toEqual([d.id, c.id, b.id, e.id]);
      expect(await lists.list(first)).toMatchObject({ edition: 1, size: 4 });

      expect(await lists.read<FilmListsBody>(`/films/${a.id}/lists`)).toEqual({
        currentCount: 1,
        everCount: 2,
        items: [{ list: { id: second, title: 'BBB Must See', size: 2, official: true }, rank: 2 }],
      });
      expect(await lists.read<FilmListsBody>(`/films/${c.id}/lists`)).toMatchObject({
        currentCount: 2,
        everCount: 2,
        items: [
          { list: { id: first }, rank: 2 },
          { list: { id: second }, rank: 1 },
        ],
      });

      // A second edition brings a back; a deleted official list counts in neither.
      await lists.edition(admin, first, [a.id]);
      expect(await lists.read<FilmListsBody>(`/films/${a.id}/lists`)).toMatchObject({
        currentCount: 2,
        everCount: 2,
      });
      await lists.call(admin, 'delete', `/lists/${second}`);
      expect(await lists.read<FilmListsBody>(`/films/${a.id}/lists`)).toMatchObject({
        currentCount: 1,
        everCount: 1,
        items: [{ list: { id: first }, rank: 1 }],
      });
      expect(await lists.read<FilmListsBody>(`/films/${d.id}/lists`)).toEqual({
        currentCount: 0,
        everCount: 1,
        items: [],
      });
    });

    it('refuses an edition of a personal list (422), duplicates (422) and unknown films (404)', async () => {
      const personal = await lists.create(owner, { title: 'Not official' });
      expect((await lists.edition(owner, personal, ids(0))).body).toMatchObject({
        code: 'not-an-official-list',
      });
      const official = await lists.create(admin, { title: 'Dupes', official: true });
      const dupes = await lists.edition(admin, official, [films[0]!.id, films[0]!.slug]);
      expect(dupes.status).toBe(422);
      expect(dupes.body).toMatchObject({ code: 'duplicate-films' });
      expect((await lists.edition(admin, official, [films[0]!.id, 'no-such-film-1999'])).status).toBe(404);
    });
  });

  describe('public lists', () => {
    it('lists public lists newest first, filtered by official and by title words in any case or accent', async () => {
      const word = `zq${Date.now().toString(36)}`;
      const personal = await lists.create(owner, { title: `Les Cinéastes ${word}` });
      const official = await lists.create(admin, { title: `Great ${word} CINEASTES`, official: true });
      await lists.create(owner, { title: `Secret ${word} cineastes`, visibility: 'private' });
      const search = (query: Record<string, string>) =>
        lists
          .read<{ items: { id: string; official: boolean }[] }>('/lists', undefined, query)
          .then((page) => page.items.map((list) => list.id));
      expect(await search({ q: `cineastes ${word.toUpperCase()}` })).toEqual([official, personal]);
      expect(await search({ q: `Cinéastes ${word}`, official: 'true' })).toEqual([official]);
      expect(await search({ q: `${word} cineastes`, official: 'false' })).toEqual([personal]);
      expect(await search({ q: `${word} absent` })).toEqual([]);
      expect(await search({ q: word, limit: '1' })).toEqual([official]);
    });

    it('lists them most viewed first with sort=popular: members other than the owner who have seen one of their films', async () => {
      const word = `zv${Date.now().toString(36)}`;
      const [ann, bob] = [await registerUser(testApp.app), await registerUser(testApp.app)];
      const quiet = await lists.create(owner, { title: `Quiet ${word}` });
      const seen = await lists.create(owner, { title: `Seen ${word}` });
      const newest = await lists.create(owner, { title: `Newest ${word}` });
      await lists.fill(owner, quiet, [films[13]!]);
      await lists.fill(owner, seen, [films[14]!, films[15]!]);
      await lists.fill(owner, newest, [films[15]!]);
      await lists.check(owner, films[13]!);
      await lists.check(ann, films[14]!);
      await lists.check(bob, films[15]!);
      type Viewed = { items: { id: string; viewers: number }[]; nextCursor: string | null };
      const page = (query: Record<string, string>) =>
        lists.read<Viewed>('/lists', undefined, { q: word, ...query });
      const viewed = (body: Viewed) => body.items.map((list) => [list.id, list.viewers]);
      expect(viewed(await page({ sort: 'popular' }))).toEqual([
        [seen, 2],
        [newest, 1],
        [quiet, 0],
      ]);
      expect(viewed(await page({}))).toEqual(viewed(await page({ sort: 'recent' })));
      expect(viewed(await page({})).map(([id]) => id)).toEqual([newest, seen, quiet]);

      const first = await page({ sort: 'popular', limit: '2' });
      const second = await page({ sort: 'popular', limit: '2', cursor: first.nextCursor! });
      expect(viewed(second)).toEqual([[quiet, 0]]);
      expect(second.nextCursor).toBeNull();

      await lists.check(ann, films[14]!, 'delete');
      // Level on viewers, the highest id comes first.
      const [high, low] = [seen, newest].sort().reverse();
      expect(viewed(await page({ sort: 'popular' }))).toEqual([
        [high, 1],
        [low, 1],
        [quiet, 0],
      ]);
    });

    it.each([
      [{ sort: 'liked' }, ['sort']],
      [{ sort: 'popular', cursor: 'garbage' }, ['cursor']],
      [{ sort: 'recent', cursor: 'garbage' }, ['cursor']],
    ])('refuses %j with a 400 naming %j', async (query, fields) => {
      const response = await lists.call(owner, 'get', `/lists?${new URLSearchParams(query).toString()}`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(fieldsOf(response.body as ProblemBody)).toEqual(fields);
    });

    it('refuses a cursor of the other order, naming it', async () => {
      const recent = await lists.read<{ nextCursor: string | null }>('/lists', undefined, { limit: '1' });
      const response = await lists.call(owner, 'get', `/lists?sort=popular&cursor=${recent.nextCursor!}`);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body as ProblemBody)).toEqual(['cursor']);
    });
  });
});
