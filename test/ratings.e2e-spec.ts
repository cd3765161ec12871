import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { filmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { MemberClient, startCrowdedApp, type MarkBody, type Page } from './support/member-client.js';
import { PROBLEM_JSON } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface RatingStats {
  count: number;
  average: number | null;
  histogram: number[];
}

interface ActivityItem {
  actor: { username: string };
  verb: string;
  rating?: number;
}

const histogramOf = (ratings: Record<number, number>): number[] =>
  Array.from({ length: 10 }, (_, index) => ratings[(index + 1) / 2] ?? 0);

describe('ratings (e2e)', () => {
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

  const rate = (member: TestUser, film: Film, rating: number): Promise<MarkBody> =>
    client.mark(member, 'put', 'rating', film, { rating });
  const ratingsOf = async (film: Film): Promise<RatingStats> =>
    (await client.read<{ ratings: RatingStats }>(`/films/${film.id}/stats`)).ratings;

  it('rates an unchecked film, checking it and taking it off the watchlist', async () => {
    const film = await addFilm(testApp.app, { title: 'Cléo from 5 to 7', year: 1962 });
    const member = await registerUser(testApp.app);
    await client.mark(member, 'put', 'watchlist', film);

    const rated = await rate(member, film, 4.5);

    expect(rated.state).toMatchObject({ checked: true, watchedOn: null, watchlisted: false, rating: 4.5 });
    expect(await client.read(`/me/films/${film.slug}`, {}, member)).toMatchObject({ rating: 4.5 });
    expect(await ratingsOf(film)).toEqual({ count: 1, average: 4.5, histogram: histogramOf({ 4.5: 1 }) });
    expect((await client.read<{ checks: number }>(`/films/${film.id}/stats`)).checks).toBe(1);
  });

  it('counts every member once, moves the histogram on a new rating, and averages half up', async () => {
    const film = await addFilm(testApp.app, { title: 'Vagabond', year: 1985 });
    const [a, b, c] = await client.members(3);
    await rate(a!, film, 1);
    await rate(b!, film, 1.5);
    await rate(c!, film, 5);
    expect(await ratingsOf(film)).toEqual({
      count: 3,
      average: 2.5,
      histogram: histogramOf({ 1: 1, 1.5: 1, 5: 1 }),
    });

    await rate(c!, film, 1);
    // (1 + 1.5 + 1) / 3 = 1.1666…
    expect(await ratingsOf(film)).toEqual({
      count: 3,
      average: 1.17,
      histogram: histogramOf({ 1: 2, 1.5: 1 }),
    });
  });

  it('changes nothing for the same rating again', async () => {
    const film = await addFilm(testApp.app, { title: 'Le Bonheur', year: 1965 });
    const member = await registerUser(testApp.app);
    const first = await rate(member, film, 3);
    const again = await rate(member, film, 3);
    expect(again).toEqual(first);
    const types = (await client.events(filmLogStream(member.id, film.id))).map((event) => event.type);
    expect(types).toEqual(['FilmChecked', 'FilmRated']);
  });

  it('takes a rating back without unchecking, and unchecking takes it back too', async () => {
    const film = await addFilm(testApp.app, { title: 'One Sings, the Other Doesn’t', year: 1977 });
    const [keeps, unchecks] = await client.members(2);
    await rate(keeps!, film, 2);
    await rate(unchecks!, film, 4);

    const removed = await client.mark(keeps!, 'delete', 'rating', film);
    expect(removed.state).toMatchObject({ checked: true, rating: null });
    const unchecked = await client.mark(unchecks!, 'delete', 'check', film);
    expect(unchecked.state).toMatchObject({ checked: false, rating: null });

    expect(await ratingsOf(film)).toEqual({ count: 0, average: null, histogram: histogramOf({}) });
    expect((await client.read<{ checks: number }>(`/films/${film.id}/stats`)).checks).toBe(1);
  });

  it('shows one rated item per member with the latest stars, and retracts it with the rating', async () => {
    const film = await addFilm(testApp.app, { title: 'Jacquot de Nantes', year: 1991 });
    const member = await registerUser(testApp.app);
    await rate(member, film, 2.5);
    await rate(member, film, 4);
    const rated = async () =>
      (await client.read<Page<ActivityItem>>(`/films/${film.id}/activity`)).items.filter(
        (item) => item.verb === 'rated',
      );
    expect(await rated()).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ username: member.username }), rating: 4 }),
    ]);
    const feedItem = (await client.read<Page<ActivityItem>>(`/users/${member.username}/activity`)).items.find(
      (item) => item.verb === 'rated',
    );
    expect(feedItem).toMatchObject({ rating: 4 });

    await client.mark(member, 'delete', 'rating', film);
    expect(await rated()).toEqual([]);
  });

  it('counts a member’s rated films on their profile', async () => {
    const [first, second] = await Promise.all([
      addFilm(testApp.app, { title: 'The Gleaners and I', year: 2000 }),
      addFilm(testApp.app, { title: 'Faces Places', year: 2017 }),
    ]);
    const member = await registerUser(testApp.app);
    await rate(member, first, 5);
    await rate(member, second, 3);
    await rate(member, second, 3.5);
    const profile = await client.read<{ counts: { ratings: number; checked: number } }>(
      `/users/${member.username}`,
    );
    expect(profile.counts).toMatchObject({ ratings: 2, checked: 2 });
  });

  it.each([
    ['zero', 0],
    ['above five', 5.5],
    ['off the half-star grid', 3.3],
    ['a string', '3.5'],
    ['null', null],
    ['an array', [3]],
  ])('refuses a rating that is %s, naming the field, and writes nothing', async (_label, rating) => {
    const film = await addFilm(testApp.app, { title: `Refused ${String(_label)}`, year: 2001 });
    const member = await registerUser(testApp.app);
    const response = await request(server)
      .put(`/api/v1/films/${film.id}/rating`)
      .set('Authorization', bearer(member))
      .send({ rating });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'rating' })]);
    expect(await client.events(filmLogStream(member.id, film.id))).toEqual([]);
  });

  it('refuses a missing rating and an anonymous one', async () => {
    const film = await addFilm(testApp.app, { title: 'Documenteur', year: 1981 });
    const member = await registerUser(testApp.app);
    const missing = await request(server)
      .put(`/api/v1/films/${film.id}/rating`)
      .set('Authorization', bearer(member))
      .send({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'rating' })]);
    await request(server).put(`/api/v1/films/${film.id}/rating`).send({ rating: 3 }).expect(401);
  });
});
