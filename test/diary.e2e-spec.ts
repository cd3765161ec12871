import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { filmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, startCrowdedApp, type FilmState, type Page } from './support/member-client.js';
import { PROBLEM_JSON } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface DiaryItem {
  id: string;
  film: { id: string; slug: string; title: string; year: number | null };
  watchedOn: string;
  rewatch: boolean;
  rating: number | null;
  review: { id: string } | null;
}

interface ActivityItem {
  verb: string;
  film: { id: string };
}

describe('diary (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;
  let year = 1950;

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const film = (title: string): Promise<Film> => addFilm(testApp.app, { title, year: (year += 1) });
  const log = (member: TestUser, body: object) =>
    client.write<{ id: string; position: string }>(member, 'post', '/me/diary', body, 201);
  const stateOf = (member: TestUser, of: Film) =>
    client.read<FilmState & { viewings: number }>(`/me/films/${of.id}`, {}, member);
  const diaryOf = (member: TestUser, query: Record<string, string | number> = {}) =>
    client.read<Page<DiaryItem>>(`/users/${member.username}/diary`, query);

  it('logs a viewing of an unseen film: checks it on that day, rates it, and shows it in the diary', async () => {
    const seen = await film('Daisies');
    const member = await registerUser(testApp.app);
    await client.mark(member, 'put', 'watchlist', seen);

    const logged = await log(member, { film: seen.slug, watchedOn: '2024-03-02', rating: 4 });

    expect(logged.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stateOf(member, seen)).toMatchObject({
      checked: true,
      watchedOn: '2024-03-02',
      watchlisted: false,
      rating: 4,
      viewings: 1,
    });
    expect((await diaryOf(member)).items).toEqual([
      {
        id: logged.id,
        film: { id: seen.id, slug: seen.slug, title: 'Daisies', year: seen.year },
        watchedOn: '2024-03-02',
        rewatch: false,
        rating: 4,
        review: null,
      },
    ]);
    const profile = await client.read<{ counts: { diaryEntries: number; checked: number; ratings: number } }>(
      `/users/${member.username}`,
    );
    expect(profile.counts).toMatchObject({ diaryEntries: 1, checked: 1, ratings: 1 });
  });

  it('posts a review with the entry, with its stars, and links it from the diary while it is up', async () => {
    const seen = await film('Valerie and Her Week of Wonders');
    const member = await registerUser(testApp.app);

    const logged = await client.write<{ id: string; review: { id: string } | null; position: string }>(
      member,
      'post',
      '/me/diary',
      {
        film: seen.slug,
        watchedOn: '2024-05-01',
        rewatch: true,
        rating: 4.5,
        review: { body: 'Stranger again.', spoilers: true },
      },
      201,
    );

    expect(logged.review).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const reviewId = logged.review!.id;
    expect((await diaryOf(member)).items).toEqual([
      expect.objectContaining({ id: logged.id, rewatch: true, rating: 4.5, review: { id: reviewId } }),
    ]);
    const review = await client.read<{
      body: string;
      spoilers: boolean;
      rating: number;
      author: { username: string };
    }>(`/reviews/${reviewId}`, { spoilers: 'show' });
    expect(review).toMatchObject({ body: 'Stranger again.', spoilers: true, rating: 4.5 });
    expect(review.author.username).toBe(member.username);
    expect(await stateOf(member, seen)).toMatchObject({ checked: true, rating: 4.5, viewings: 1 });
    const profile = await client.read<{ counts: { reviews: number; diaryEntries: number } }>(
      `/users/${member.username}`,
    );
    expect(profile.counts).toMatchObject({ reviews: 1, diaryEntries: 1 });

    // An entry without a review says so; a deleted review leaves the entry, unlinked.
    const plain = await log(member, { film: seen.id, watchedOn: '2024-04-01' });
    expect(
      await client.write(
        member,
        'post',
        '/me/diary',
        { film: seen.id, watchedOn: '2024-03-01', review: null },
        201,
      ),
    ).toMatchObject({ review: null });
    await client.write(member, 'delete', `/reviews/${reviewId}`);
    const items = (await diaryOf(member)).items;
    expect(items.map((item) => [item.id, item.review])).toEqual([
      [logged.id, null],
      [plain.id, null],
      [expect.any(String), null],
    ]);
  });

  it('keeps the earliest viewing as the film’s date, and gives the check’s own date back when it goes', async () => {
    const seen = await film('Closely Watched Trains');
    const member = await registerUser(testApp.app);
    await client.mark(member, 'put', 'check', seen, { watchedOn: '2022-06-01' });

    const earlier = await log(member, { film: seen.id, watchedOn: '2019-01-05' });
    await log(member, { film: seen.id, watchedOn: '2023-07-07', rewatch: true });
    expect(await stateOf(member, seen)).toMatchObject({ watchedOn: '2019-01-05', viewings: 2 });

    await client.write(member, 'delete', `/diary/${earlier.id}`);
    expect(await stateOf(member, seen)).toMatchObject({ watchedOn: '2022-06-01', viewings: 1 });
  });

  it('refuses to uncheck a film with diary entries until they are deleted', async () => {
    const seen = await film('The Firemen’s Ball');
    const member = await registerUser(testApp.app);
    const entry = await log(member, { film: seen.id, watchedOn: '2020-02-02', rating: 3 });

    const refused = await request(server)
      .delete(`/api/v1/films/${seen.id}/check`)
      .set('Authorization', bearer(member));
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(refused.body.code).toBe('has-diary-entries');

    await client.write(member, 'delete', `/diary/${entry.id}`);
    // The film stays checked and rated without its entry.
    expect(await stateOf(member, seen)).toMatchObject({
      checked: true,
      rating: 3,
      viewings: 0,
      watchedOn: null,
    });
    const unchecked = await client.mark(member, 'delete', 'check', seen);
    expect(unchecked.state).toMatchObject({ checked: false, rating: null, viewings: 0 });
  });

  it('changes an entry: new stars rate the film, taking them away leaves the film’s rating', async () => {
    const seen = await film('Marketa Lazarová');
    const member = await registerUser(testApp.app);
    const entry = await log(member, { film: seen.id, watchedOn: '2021-04-04', rating: 2 });

    const changed = await client.write<{ rating: number | null; watchedOn: string; position: string }>(
      member,
      'patch',
      `/diary/${entry.id}`,
      { rating: 4.5, watchedOn: '2021-04-03' },
    );
    expect(changed).toMatchObject({ id: entry.id, rating: 4.5, watchedOn: '2021-04-03', rewatch: false });
    expect(await stateOf(member, seen)).toMatchObject({ rating: 4.5, watchedOn: '2021-04-03' });

    await client.write(member, 'patch', `/diary/${entry.id}`, { rating: null });
    expect(await stateOf(member, seen)).toMatchObject({ rating: 4.5 });
    expect((await diaryOf(member)).items[0]).toMatchObject({ id: entry.id, rating: null });
  });

  it('lets only its member write an entry, and answers 404 for one that is not there', async () => {
    const seen = await film('Valerie and Her Week of Wonders');
    const [owner, other] = await client.members(2);
    const entry = await log(owner!, { film: seen.id, watchedOn: '2018-08-08' });

    for (const call of [
      request(server).patch(`/api/v1/diary/${entry.id}`).send({ rewatch: true }),
      request(server).delete(`/api/v1/diary/${entry.id}`),
    ]) {
      const response = await call.set('Authorization', bearer(other!));
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    }
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      await request(server).delete(`/api/v1/diary/${id}`).set('Authorization', bearer(owner!)).expect(404);
    }
    await request(server).patch(`/api/v1/diary/${entry.id}`).send({ rewatch: true }).expect(401);
    expect((await diaryOf(owner!)).items).toEqual([
      expect.objectContaining({ id: entry.id, rewatch: false }),
    ]);
  });

  it('writes a rewatch to the activity as "logged", and takes it back with the flag or the entry', async () => {
    const seen = await film('Intimate Lighting');
    const member = await registerUser(testApp.app);
    await log(member, { film: seen.id, watchedOn: '2015-05-05' });
    const again = await log(member, { film: seen.id, watchedOn: '2024-05-05', rewatch: true });
    const verbs = async () =>
      (await client.read<Page<ActivityItem>>(`/users/${member.username}/activity`)).items.map(
        (item) => item.verb,
      );

    expect((await verbs()).sort()).toEqual(['checked', 'logged']);
    await client.write(member, 'patch', `/diary/${again.id}`, { rewatch: false });
    expect(await verbs()).toEqual(['checked']);
    await client.write(member, 'patch', `/diary/${again.id}`, { rewatch: true });
    expect((await verbs()).sort()).toEqual(['checked', 'logged']);
    await client.write(member, 'delete', `/diary/${again.id}`);
    expect(await verbs()).toEqual(['checked']);
  });

  it('pages the diary latest viewing first, and keeps one year’s viewings', async () => {
    const member = await registerUser(testApp.app);
    const days = ['2021-12-31', '2022-01-01', '2022-06-15', '2022-06-15', '2023-03-03'];
    for (const [index, watchedOn] of days.entries()) {
      await log(member, { film: (await film(`Diary page ${index}`)).id, watchedOn });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<DiaryItem> = await diaryOf(member, { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.watchedOn));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([...days].reverse());
    const in2022 = await diaryOf(member, { year: 2022 });
    expect(in2022.items.map((item) => item.watchedOn)).toEqual(['2022-06-15', '2022-06-15', '2022-01-01']);
  });

  it.each([
    ['a future day', { watchedOn: '2999-01-01' }, 'watchedOn'],
    ['a day that does not exist', { watchedOn: '2023-02-30' }, 'watchedOn'],
    ['no day', { watchedOn: undefined }, 'watchedOn'],
    ['an unknown film', { film: 'no-such-film-anywhere' }, 'film'],
    ['stars off the grid', { rating: 3.3 }, 'rating'],
    ['a rewatch that is not a flag', { rewatch: 'yes' }, 'rewatch'],
    ['a null rewatch', { rewatch: null }, 'rewatch'],
    ['an unknown field', { mood: 'happy' }, 'mood'],
    ['a review with no text', { review: { body: '   ' } }, 'review.body'],
    ['a review over 20,000 characters', { review: { body: 'x'.repeat(20_001) } }, 'review.body'],
    ['a review holding NUL', { review: { body: 'before\u0000after' } }, 'review.body'],
    [
      'a review whose spoiler flag is not a flag',
      { review: { body: 'Fine.', spoilers: 'yes' } },
      'review.spoilers',
    ],
    ['a review that is not an object', { review: 'Fine.' }, 'review'],
    ['a review that is a list', { review: [{ body: 'Fine.' }] }, 'review'],
    ['an unknown field in the review', { review: { body: 'Fine.', title: 'Mine' } }, 'review.title'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, change, field) => {
    const seen = await film(`Refused diary ${field} ${String(_label)}`);
    const member = await registerUser(testApp.app);
    const response = await request(server)
      .post('/api/v1/me/diary')
      .set('Authorization', bearer(member))
      .send({ film: seen.id, watchedOn: '2020-01-01', ...change });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await client.events(filmLogStream(member.id, seen.id))).toEqual([]);
    expect((await client.read<Page<unknown>>(`/films/${seen.id}/reviews`)).items).toEqual([]);
  });

  it('refuses a bad change, a bad year and a cursor it did not give, naming them', async () => {
    const seen = await film('The Shop on Main Street');
    const member = await registerUser(testApp.app);
    const entry = await log(member, { film: seen.id, watchedOn: '2020-01-01' });
    const bad = await request(server)
      .patch(`/api/v1/diary/${entry.id}`)
      .set('Authorization', bearer(member))
      .send({ watchedOn: null, rating: 7 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'rating',
      'watchedOn',
    ]);
    for (const [query, field] of [
      [{ year: 'last' }, 'year'],
      [{ year: 1200 }, 'year'],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    ] as const) {
      const response = await request(server).get(`/api/v1/users/${member.username}/diary`).query(query);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    await request(server).get('/api/v1/users/nobody-by-this-name/diary').expect(404);
  });
});
