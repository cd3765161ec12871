import { QueryBus } from '@nestjs/cqrs';
import request from 'supertest';
import { PopularFilms } from '../src/modules/discovery/queries/popular-films/popular-films.query.js';
import type { Film } from '../src/modules/catalog/films/film.js';
import type { TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient } from './support/member-client.js';
import { PROBLEM_JSON, fieldsOf, type ProblemBody } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface PopularPage {
  items: { film: Film; marks: number }[];
  nextCursor: string | null;
}

describe('popular films over HTTP', () => {
  let testApp: TestApp;
  let members: MemberClient;
  let people: TestUser[];
  const films: Record<string, Film> = {};
  const http = () => request(testApp.app.getHttpServer());
  const popular = (query: Record<string, string | number> = {}) =>
    members.read<PopularPage>('/films/popular', query);
  const titles = (page: PopularPage) => page.items.map((item) => [item.film.title, item.marks]);
  /** The order the API promises: most marks first, ties by film id, highest first. */
  const ranked = (...entries: [Film, number][]) =>
    [...entries]
      .sort(([a, x], [b, y]) => y - x || (a.id < b.id ? 1 : -1))
      .map(([film, marks]) => [film.title, marks]);

  beforeAll(async () => {
    testApp = await startTestApp();
    members = new MemberClient(testApp.app);
    films.paris = await addFilm(testApp.app, {
      title: 'Paris',
      year: 2008,
      genres: ['drama'],
      countries: ['FR'],
      languages: ['fr'],
    });
    films.zazie = await addFilm(testApp.app, {
      title: 'Zazie dans le métro',
      year: 1960,
      genres: ['comedy'],
      countries: ['FR'],
      languages: ['fr'],
    });
    films.tokyo = await addFilm(testApp.app, {
      title: 'Tokyo Story',
      year: 1953,
      genres: ['drama'],
      countries: ['JP'],
      languages: ['ja'],
    });
    films.unmarked = await addFilm(testApp.app, { title: 'Nobody Saw This', year: 1999 });
    people = await members.members(3);
    const [ann, bob, cy] = people as [TestUser, TestUser, TestUser];
    // Paris: 3 checks and a favourite; Tokyo Story: 2 watchlist entries; Zazie: a check, and a
    // dislike, which checks the film (that counts) and is no mark of popularity itself.
    for (const member of [ann, bob, cy]) await members.mark(member, 'put', 'check', films.paris);
    await members.mark(ann, 'put', 'favourite', films.paris);
    await members.mark(ann, 'put', 'watchlist', films.tokyo);
    await members.mark(bob, 'put', 'watchlist', films.tokyo);
    await members.mark(cy, 'put', 'check', films.zazie);
    await members.mark(bob, 'put', 'dislike', films.zazie);
  });

  afterAll(() => testApp?.close());

  it('lists the films marked this week, most marks first, with their posters and no unmarked film', async () => {
    const page = await popular();
    expect(titles(page)).toEqual(ranked([films.paris!, 4], [films.tokyo!, 2], [films.zazie!, 2]));
    expect(page.items[0]!.film).toMatchObject({ id: films.paris!.id, slug: films.paris!.slug, poster: null });
    expect(page.nextCursor).toBeNull();
    for (const period of ['today', 'month', 'all'])
      expect(titles(await popular({ period }))).toEqual(titles(page));
  });

  it('filters by genre, decade, country and language', async () => {
    expect(titles(await popular({ genre: 'Drama' }))).toEqual([
      ['Paris', 4],
      ['Tokyo Story', 2],
    ]);
    expect(titles(await popular({ decade: 1950 }))).toEqual([['Tokyo Story', 2]]);
    expect(titles(await popular({ country: 'fr', period: 'all' }))).toEqual([
      ['Paris', 4],
      ['Zazie dans le métro', 2],
    ]);
    expect(titles(await popular({ language: 'ja' }))).toEqual([['Tokyo Story', 2]]);
    expect(titles(await popular({ decade: 1870 }))).toEqual([]);
  });

  it('pages with a cursor that belongs to its period', async () => {
    const order = ranked([films.paris!, 4], [films.tokyo!, 2], [films.zazie!, 2]);
    const first = await popular({ limit: 2 });
    expect(titles(first)).toEqual(order.slice(0, 2));
    const second = await popular({ limit: 2, cursor: first.nextCursor! });
    expect(titles(second)).toEqual(order.slice(2));
    expect(second.nextCursor).toBeNull();
    const elsewhere = await http()
      .get('/api/v1/films/popular')
      .query({ period: 'all', cursor: first.nextCursor! })
      .expect(400);
    expect(fieldsOf(elsewhere.body as ProblemBody)).toEqual(['cursor']);
  });

  it('counts a day with no mark yet from the days themselves: tomorrow, and in eight days', async () => {
    const today = await popular({ period: 'month' });
    const asked = (period: 'today' | 'week' | 'month', days: number) =>
      testApp.app
        .get(QueryBus)
        .execute(new PopularFilms({ period, limit: 20 }, new Date(Date.now() + days * 86_400_000)));
    const titlesOf = (page: { items: readonly { film: Film; marks: number }[] }) =>
      page.items.map((item) => [item.film.title, item.marks]);
    expect(titlesOf(await asked('week', 1))).toEqual(titles(today));
    expect(titlesOf(await asked('today', 1))).toEqual([]);
    expect(titlesOf(await asked('week', 8))).toEqual([]);
    expect(titlesOf(await asked('month', 8))).toEqual(titles(today));
  });

  it('takes back a mark at once: an unfavourite and an uncheck move the film down', async () => {
    const [ann, bob] = people as [TestUser, TestUser];
    await members.mark(ann, 'delete', 'favourite', films.paris);
    await members.mark(ann, 'delete', 'check', films.paris);
    await members.mark(bob, 'delete', 'check', films.paris);
    expect(titles(await popular({ period: 'all' }))).toEqual(
      ranked([films.tokyo!, 2], [films.zazie!, 2], [films.paris!, 1]),
    );
  });

  it.each([
    [{ period: 'year' }, ['period']],
    [{ decade: 1995 }, ['decade']],
    [{ decade: 'nineties' }, ['decade']],
    [{ country: 'France' }, ['country']],
    [{ language: 'french' }, ['language']],
    [{ limit: 0 }, ['limit']],
    [{ cursor: 'not-a-cursor' }, ['cursor']],
    [{ period: 'week', decade: 1862 }, ['decade']],
  ])('refuses %j with a 400 naming %j', async (query, fields) => {
    const response = await http().get('/api/v1/films/popular').query(query);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(fieldsOf(response.body as ProblemBody)).toEqual(fields);
  });
});
