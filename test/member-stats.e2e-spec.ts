import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { READ_MODEL_POOL } from '../src/platform/database/database.module.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, startCrowdedApp, untilReached } from './support/member-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface Facet<Key = string> {
  key: Key;
  films: number;
}

interface MemberStats {
  films: number;
  hours: number;
  byYear: (Facet<number> & { year: number })[];
  byMonth?: (Facet<number> & { month: number })[];
  byDecade: (Facet<number> & { decade: number })[];
  byGenre: Facet[];
  byCountry: Facet[];
  byContinent: Facet[];
  byDirector: Facet[];
  ratings: number[];
}

const histogramOf = (ratings: Record<number, number>): number[] =>
  Array.from({ length: 10 }, (_, index) => ratings[(index + 1) / 2] ?? 0);

const years = (...counts: [number, number][]) => counts.map(([year, films]) => ({ key: year, year, films }));
const decades = (...counts: [number, number][]) =>
  counts.map(([decade, films]) => ({ key: decade, decade, films }));
const facets = (...counts: [string, number][]) => counts.map(([key, films]) => ({ key, films }));

describe('member statistics (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;
  let pool: pg.Pool;
  let member: TestUser;
  let tag: string;
  /** The year of today's checks, which have no date. */
  const thisYear = new Date().getUTCFullYear();

  /** A viewing as the diary projection records it: a row of diary_entries, written here directly. */
  const logViewing = (user: TestUser, film: Film, watchedOn: string, rewatch = true) =>
    pool.query(
      `INSERT INTO diary_entries (id, user_id, film_id, watched_on, rewatch, logged_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [randomUUID(), user.id, film.id, watchedOn, rewatch],
    );

  const stats = (username: string, query: Record<string, string | number> = {}) =>
    client.read<MemberStats>(`/users/${username}/stats`, query);

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
    pool = testApp.app.get<pg.Pool>(READ_MODEL_POOL);
    tag = randomUUID().slice(0, 6);
    const varda = { name: `Agnès Varda ${tag}` };
    const film = (title: string, details: Parameters<typeof addFilm>[1]) =>
      addFilm(testApp.app, { title: `${title} ${tag}`, ...details });
    const cleo = await film('Cléo from 5 to 7', {
      year: 1962,
      runtimeMinutes: 90,
      genres: ['drama'],
      countries: ['FR'],
      directors: [varda],
    });
    const vagabond = await film('Vagabond', {
      year: 1985,
      runtimeMinutes: 105,
      genres: ['drama', 'comedy'],
      countries: ['FR'],
      directors: [varda],
    });
    const tokyo = await film('Tokyo Story', {
      year: 1953,
      runtimeMinutes: 136,
      genres: ['drama', 'family'],
      countries: ['JP'],
      directors: [{ name: `Yasujirō Ozu ${tag}` }],
    });
    const timbuktu = await film('Timbuktu', {
      year: 2014,
      runtimeMinutes: 92,
      genres: ['drama'],
      countries: ['ML', 'FR'],
      directors: [{ name: `Abderrahmane Sissako ${tag}` }],
    });
    // No runtime known: it counts no time.
    const unknown = await film('A Lost Reel', { year: 1961, countries: ['GB'] });
    const unchecked = await film('Later', { year: 2001, runtimeMinutes: 400, genres: ['war'] });

    member = await registerUser(testApp.app);
    const other = await registerUser(testApp.app);
    await client.mark(member, 'put', 'check', cleo, { watchedOn: '2001-05-01' });
    await client.mark(member, 'put', 'rating', cleo, { rating: 2.5 });
    await client.mark(member, 'put', 'check', vagabond);
    await client.mark(member, 'put', 'rating', vagabond, { rating: 4.5 });
    await client.mark(member, 'put', 'check', tokyo, { watchedOn: '2002-07-14' });
    await client.mark(member, 'put', 'rating', tokyo, { rating: 5 });
    await client.mark(member, 'put', 'check', timbuktu, { watchedOn: '2002-12-31' });
    // A rating checks the film, with no date.
    await client.mark(member, 'put', 'rating', unknown, { rating: 3 });
    await client.mark(member, 'put', 'check', unchecked);
    await client.mark(member, 'delete', 'check', unchecked);
    await client.mark(member, 'put', 'watchlist', unchecked);
    // Cléo twice in February 2002: one film that month.
    await logViewing(member, cleo, '2002-02-10');
    await logViewing(member, cleo, '2002-02-20');
    // Another member's films and viewings are theirs.
    await client.mark(other, 'put', 'check', unchecked, { watchedOn: '2002-01-01' });
    await client.mark(other, 'put', 'rating', cleo, { rating: 1 });
    await logViewing(other, tokyo, '2001-03-03', false);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('counts every checked film once per facet, most films first, then by key', async () => {
    const answer = await stats(member.username);
    expect(answer).toEqual({
      films: 5,
      // 90 + 105 + 136 + 92 minutes = 7.05 hours, half rounded up.
      hours: 7.1,
      byYear: years([2002, 3], [thisYear, 2], [2001, 1]),
      byDecade: decades([1960, 2], [1950, 1], [1980, 1], [2010, 1]),
      byGenre: facets(['drama', 4], ['comedy', 1], ['family', 1]),
      byCountry: facets(['FR', 3], ['GB', 1], ['JP', 1], ['ML', 1]),
      byContinent: facets(['EU', 4], ['AF', 1], ['AS', 1]),
      byDirector: facets(
        [`Agnès Varda ${tag}`, 2],
        [`Abderrahmane Sissako ${tag}`, 1],
        [`Yasujirō Ozu ${tag}`, 1],
      ),
      ratings: histogramOf({ 2.5: 1, 3: 1, 4.5: 1, 5: 1 }),
    });
    expect(answer).not.toHaveProperty('byMonth');
  });

  it('keeps the films seen in the year asked for, with that year’s months', async () => {
    const answer = await stats(member.username, { year: 2002 });
    expect(answer).toEqual({
      films: 3,
      // 90 + 136 + 92 minutes.
      hours: 5.3,
      byYear: years([2002, 3]),
      byMonth: Array.from({ length: 12 }, (_, index) => ({
        key: index + 1,
        month: index + 1,
        films: [2, 7, 12].includes(index + 1) ? 1 : 0,
      })),
      byDecade: decades([1950, 1], [1960, 1], [2010, 1]),
      byGenre: facets(['drama', 3], ['family', 1]),
      byCountry: facets(['FR', 2], ['JP', 1], ['ML', 1]),
      byContinent: facets(['EU', 2], ['AF', 1], ['AS', 1]),
      byDirector: facets(
        [`Abderrahmane Sissako ${tag}`, 1],
        [`Agnès Varda ${tag}`, 1],
        [`Yasujirō Ozu ${tag}`, 1],
      ),
      ratings: histogramOf({ 2.5: 1, 5: 1 }),
    });
  });

  it('counts a check with no date in the year it was made, and the date it was seen in its own year', async () => {
    const today = await stats(member.username, { year: thisYear });
    expect(today).toMatchObject({ films: 2, hours: 1.8, byYear: years([thisYear, 2]) });
    expect(today.byGenre).toEqual(facets(['comedy', 1], ['drama', 1]));
    expect(today.ratings).toEqual(histogramOf({ 3: 1, 4.5: 1 }));

    const first = await stats(member.username, { year: 2001 });
    expect(first).toMatchObject({ films: 1, hours: 1.5, byYear: years([2001, 1]) });
    expect(first.byMonth?.map((month) => month.films)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('answers a year with nothing seen, and a member with nothing checked, with zeros', async () => {
    const empty = {
      films: 0,
      hours: 0,
      byYear: [],
      byDecade: [],
      byGenre: [],
      byCountry: [],
      byContinent: [],
      byDirector: [],
      ratings: histogramOf({}),
    };
    expect(await stats(member.username, { year: 1999 })).toEqual({
      ...empty,
      byMonth: Array.from({ length: 12 }, (_, index) => ({ key: index + 1, month: index + 1, films: 0 })),
    });
    const newcomer = await registerUser(testApp.app);
    expect(await stats(newcomer.username)).toEqual(empty);
  });

  it('counts the viewings a member logs in their diary, once their write is read', async () => {
    const diarist = await registerUser(testApp.app);
    const film = await addFilm(testApp.app, { title: `Daughters of the Dust ${tag}`, year: 1991 });
    let position = '';
    for (const [watchedOn, rewatch] of [
      ['2011-06-01', false],
      ['2013-02-14', true],
      ['2013-09-30', true],
    ] as const) {
      const logged = await request(server)
        .post('/api/v1/me/diary')
        .set('Authorization', bearer(diarist))
        .send({ film: film.id, watchedOn, rewatch, rating: 4 });
      expect(logged.status).toBe(201);
      position = (logged.body as { position: string }).position;
    }
    const read = (query: Record<string, number> = {}) =>
      untilReached(() =>
        request(server)
          .get(`/api/v1/users/${diarist.username}/stats`)
          .query(query)
          .set('X-Consistent-With', position),
      );
    const all = await read();
    expect(all.headers['x-consistency']).toBe('reached');
    expect(all.body).toMatchObject({
      films: 1,
      byYear: years([2011, 1], [2013, 1]),
      byDecade: decades([1990, 1]),
      ratings: histogramOf({ 4: 1 }),
    });
    const twoViewings = await read({ year: 2013 });
    expect((twoViewings.body as MemberStats).byMonth?.map((month) => month.films)).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    ]);
  });

  it('matches the username in any case', async () => {
    const shouted = await stats(member.username.toUpperCase());
    expect(shouted.films).toBe(5);
  });

  it.each([['abc'], ['1869'], ['2024.5'], [''], [String(thisYear + 2)]])(
    'refuses ?year=%s with a 400 naming year',
    async (year) => {
      const response = await request(server).get(`/api/v1/users/${member.username}/stats`).query({ year });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(fieldsOf(response.body as ProblemBody)).toEqual(['year']);
    },
  );

  it('answers 404 for a member who does not exist', async () => {
    const response = await request(server).get('/api/v1/users/nobody_by_this_name/stats');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect((response.body as ProblemBody).detail).toContain('No member is called nobody_by_this_name');
  });
});
