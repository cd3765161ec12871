import { QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { testEvent } from '#testing';
import request from 'supertest';
import { filmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import { TrendingFilms } from '../src/modules/discovery/queries/trending-films/trending-films.query.js';
import type { Film } from '../src/modules/catalog/films/film.js';
import type { TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, startCrowdedApp } from './support/member-client.js';
import { PROBLEM_JSON, fieldsOf, type ProblemBody } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface TrendingItem {
  film: Film;
  weekMarks: number;
  earlierMarks: number;
  score: number;
}

interface TrendingPage {
  items: TrendingItem[];
  nextCursor: string | null;
}

const DAY = 86_400_000;

describe('trending films over HTTP', () => {
  let testApp: TestApp;
  let members: MemberClient;
  let people: TestUser[];
  const films: Record<string, Film> = {};
  const http = () => request(testApp.app.getHttpServer());
  const trending = (query: Record<string, string | number> = {}) =>
    members.read<TrendingPage>('/films/trending', query);
  const rows = (page: { items: readonly TrendingItem[] }) =>
    page.items.map((item) => [item.film.title, item.weekMarks, item.earlierMarks, item.score]);

  /** A check made `daysAgo` UTC days before now, as an import of an old viewing writes it. */
  const checkedDaysAgo = async (member: TestUser, film: Film, daysAgo: number) => {
    const occurredAt = new Date(Date.now() - daysAgo * DAY).toISOString();
    await testApp.app
      .get<EventStore>(EVENT_STORE)
      .append(filmLogStream(member.id, film.id), [
        testEvent('FilmChecked', { watchedOn: null }, { occurredAt }),
      ]);
  };

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    members = new MemberClient(testApp.app);
    films.steady = await addFilm(testApp.app, { title: 'Steady Classic', year: 1962, genres: ['drama'] });
    films.newcomer = await addFilm(testApp.app, { title: 'Newcomer', year: 2025, genres: ['drama'] });
    films.rising = await addFilm(testApp.app, { title: 'Rising Star', year: 2024, genres: ['comedy'] });
    films.lone = await addFilm(testApp.app, { title: 'Lone Fancy', year: 2023, genres: ['drama'] });
    people = await members.members(10);
    // Before this week: ten checks of the steady film over 25 to 8 days ago, two of the rising one.
    for (const [index, member] of people.entries())
      await checkedDaysAgo(member, films.steady!, 8 + 2 * index);
    for (const member of people.slice(4, 6)) await checkedDaysAgo(member, films.rising!, 15);
    // This week: four favourites of the steady film, four checks of the newcomer, five marks of the
    // rising film, and two of a film only one member marks.
    for (const member of people.slice(0, 4)) {
      await members.mark(member, 'put', 'favourite', films.steady!);
      await members.mark(member, 'put', 'check', films.newcomer!);
    }
    for (const member of people.slice(4, 6)) await members.mark(member, 'put', 'favourite', films.rising!);
    for (const member of people.slice(6, 9)) await members.mark(member, 'put', 'check', films.rising!);
    await members.mark(people[9]!, 'put', 'favourite', films.lone!);
  });

  afterAll(() => testApp?.close());

  it('ranks films by how far this week runs ahead of their own pace, leaving out one member’s fancy', async () => {
    const page = await trending();
    expect(rows(page)).toEqual([
      ['Rising Star', 5, 2, 4.39],
      ['Newcomer', 4, 0, 4],
      ['Steady Classic', 4, 10, 0.96],
    ]);
    expect(page.items[0]!.film).toMatchObject({
      id: films.rising!.id,
      slug: films.rising!.slug,
      poster: null,
    });
    expect(page.nextCursor).toBeNull();
    // The popular week has the steady film level with the newcomer; trending puts the new one ahead.
    const popular = await members.read<{ items: { film: Film; marks: number }[] }>('/films/popular');
    expect(popular.items.find((item) => item.film.id === films.steady!.id)?.marks).toBe(4);
  });

  it('filters by genre and decade, and pages with its own cursor', async () => {
    expect(rows(await trending({ genre: 'drama' })).map(([title]) => title)).toEqual([
      'Newcomer',
      'Steady Classic',
    ]);
    expect(rows(await trending({ decade: 1960 })).map(([title]) => title)).toEqual(['Steady Classic']);
    const first = await trending({ limit: 2 });
    expect(first.items.map((item) => item.film.title)).toEqual(['Rising Star', 'Newcomer']);
    const second = await trending({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.film.title)).toEqual(['Steady Classic']);
    expect(second.nextCursor).toBeNull();
    const popularCursor = (await members.read<TrendingPage>('/films/popular', { limit: 1 })).nextCursor!;
    const refused = await http().get('/api/v1/films/trending').query({ cursor: popularCursor }).expect(400);
    expect(fieldsOf(refused.body as ProblemBody)).toEqual(['cursor']);
  });

  it('counts a day with no mark yet from the days themselves: tomorrow the same, in eight days nothing', async () => {
    const asked = (days: number) =>
      testApp.app.get(QueryBus).execute(new TrendingFilms({ limit: 20 }, new Date(Date.now() + days * DAY)));
    expect(rows(await asked(1))).toEqual(rows(await trending()));
    expect(rows(await asked(8))).toEqual([]);
  });

  it('takes back marks at once: unchecks drop the rising film below the least a trend needs', async () => {
    for (const member of people.slice(6, 9)) await members.mark(member, 'delete', 'check', films.rising!);
    expect(rows(await trending()).map(([title]) => title)).toEqual(['Newcomer', 'Steady Classic']);
  });

  it.each([
    [{ decade: 1995 }, ['decade']],
    [{ country: 'France' }, ['country']],
    [{ language: 'french' }, ['language']],
    [{ limit: 101 }, ['limit']],
    [{ cursor: 'not-a-cursor' }, ['cursor']],
  ])('refuses %j with a 400 naming %j', async (query, fields) => {
    const response = await http().get('/api/v1/films/trending').query(query);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(fieldsOf(response.body as ProblemBody)).toEqual(fields);
  });
});
