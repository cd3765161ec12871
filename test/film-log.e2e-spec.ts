import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import request from 'supertest';
import { filmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import type { Film } from '../src/modules/catalog/films/film.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import {
  MemberClient,
  startCrowdedApp,
  type FilmState,
  type Mark,
  type MarkBody,
} from './support/member-client.js';
import { PROBLEM_JSON } from './support/problems.js';
import type { TestApp } from './support/test-app.js';

interface StatsBody {
  checks: number;
  favourites: number;
  dislikes: number;
  watchlists: number;
  comments: number;
  favouritePercent: number;
  dislikePercent: number;
  ratings: { count: number; average: number | null; histogram: number[] };
}

/** A film nobody rated: its ratings stay empty whatever else is marked. */
const NO_RATINGS = { count: 0, average: null, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };

const UNTOUCHED: FilmState = {
  checked: false,
  checkedAt: null,
  watchedOn: null,
  favourite: false,
  disliked: false,
  watchlisted: false,
  rating: null,
  viewings: 0,
};

describe('film log (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;
  let film: Film;

  beforeAll(async () => {
    testApp = await startCrowdedApp();
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
    film = await addFilm(testApp.app, { title: 'Paris', year: 2008 });
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** A mark on the suite's film unless another is named. */
  const mark = (
    user: TestUser,
    verb: 'put' | 'delete',
    what: Mark,
    reference: string = film.id,
    body?: object,
  ): Promise<MarkBody> => client.mark(user, verb, what, reference, body);

  const myState = async (
    user: TestUser,
    position: string,
    reference: string = film.id,
  ): Promise<FilmState> => {
    const response = await request(server)
      .get(`/api/v1/me/films/${reference}`)
      .set('Authorization', bearer(user))
      .set('X-Consistent-With', position)
      .expect(200);
    expect(response.headers['x-consistency']).toBe('reached');
    return response.body as FilmState;
  };

  const stats = async (reference: string, position: string): Promise<StatsBody> => {
    const response = await request(server)
      .get(`/api/v1/films/${reference}/stats`)
      .set('X-Consistent-With', position)
      .expect(200);
    expect(response.headers['x-consistency']).toBe('reached');
    return response.body as StatsBody;
  };

  const streamOf = (user: TestUser, filmId: string = film.id): Promise<RecordedEvent[]> =>
    client.events(filmLogStream(user.id, filmId));

  describe('marks and their rules', () => {
    it('checks a film with a watch date, answers the state and reads it back', async () => {
      const member = await registerUser(testApp.app);
      const before = Date.now();
      const checked = await mark(member, 'put', 'check', film.id, { watchedOn: '2024-05-17' });
      expect(checked.state).toEqual({
        ...UNTOUCHED,
        checked: true,
        checkedAt: expect.any(String),
        watchedOn: '2024-05-17',
      });
      expect(Date.parse(checked.state.checkedAt!)).toBeGreaterThanOrEqual(before - 1000);
      expect(await myState(member, checked.position)).toEqual(checked.state);

      const events = await streamOf(member);
      expect(events.map((event) => [event.type, event.data])).toEqual([
        ['FilmChecked', { watchedOn: '2024-05-17' }],
      ]);
      expect(events[0]!.metadata.actorId).toBe(member.id);
    });

    it('favouriting an unchecked, watchlisted film checks it without a date and takes it off the watchlist', async () => {
      const member = await registerUser(testApp.app);
      await mark(member, 'put', 'watchlist');
      const favourited = await mark(member, 'put', 'favourite');
      expect(favourited.state).toMatchObject({
        checked: true,
        watchedOn: null,
        favourite: true,
        watchlisted: false,
      });
      expect((await streamOf(member)).map((event) => event.type)).toEqual([
        'FilmAddedToWatchlist',
        'FilmChecked',
        'FilmRemovedFromWatchlist',
        'FilmFavourited',
      ]);
    });

    it('disliking a favourite takes the favourite back; favouriting again takes the dislike back', async () => {
      const member = await registerUser(testApp.app);
      await mark(member, 'put', 'favourite');
      const disliked = await mark(member, 'put', 'dislike');
      expect(disliked.state).toMatchObject({ checked: true, favourite: false, disliked: true });
      const favourited = await mark(member, 'put', 'favourite');
      expect(favourited.state).toMatchObject({ checked: true, favourite: true, disliked: false });
      expect(await myState(member, favourited.position)).toEqual(favourited.state);
    });

    it('unchecking removes favourite and dislike but leaves the watchlist as it is', async () => {
      const member = await registerUser(testApp.app);
      await mark(member, 'put', 'favourite');
      // A checked film may go (back) on the watchlist: to see it again.
      await mark(member, 'put', 'watchlist');
      const unchecked = await mark(member, 'delete', 'check');
      expect(unchecked.state).toEqual({ ...UNTOUCHED, watchlisted: true });
      expect(await myState(member, unchecked.position)).toEqual(unchecked.state);
    });

    it('removing a favourite or a dislike keeps the check', async () => {
      const member = await registerUser(testApp.app);
      await mark(member, 'put', 'check', film.id, { watchedOn: '2020-01-02' });
      await mark(member, 'put', 'favourite');
      const unfavourited = await mark(member, 'delete', 'favourite');
      expect(unfavourited.state).toMatchObject({ checked: true, watchedOn: '2020-01-02', favourite: false });
      await mark(member, 'put', 'dislike');
      const undisliked = await mark(member, 'delete', 'dislike');
      expect(undisliked.state).toMatchObject({ checked: true, disliked: false });
    });

    it('repeating a command changes nothing and answers the same state and position', async () => {
      const member = await registerUser(testApp.app);
      for (const what of ['check', 'favourite', 'watchlist'] as const) {
        const first = await mark(member, 'put', what);
        const again = await mark(member, 'put', what);
        expect(again).toEqual(first);
      }
      const events = await streamOf(member);
      expect(events.map((event) => event.type)).toEqual([
        'FilmChecked',
        'FilmFavourited',
        'FilmAddedToWatchlist',
      ]);
    });

    it('undoing what was never done on an untouched film answers the empty state with a usable position', async () => {
      const member = await registerUser(testApp.app);
      for (const what of ['check', 'favourite', 'dislike', 'watchlist'] as const) {
        const answer = await mark(member, 'delete', what);
        expect(answer.state).toEqual(UNTOUCHED);
        expect(typeof answer.position).toBe('string');
        expect(await myState(member, answer.position)).toEqual(UNTOUCHED);
      }
      expect(await streamOf(member)).toEqual([]);
    });

    it('a new watch date on a checked film changes the date only; no date keeps it; null clears it', async () => {
      const member = await registerUser(testApp.app);
      const first = await mark(member, 'put', 'check', film.id, { watchedOn: '2001-03-04' });
      const moved = await mark(member, 'put', 'check', film.id, { watchedOn: '2002-05-06' });
      expect(moved.state).toEqual({ ...first.state, watchedOn: '2002-05-06' });
      const kept = await mark(member, 'put', 'check');
      expect(kept.state.watchedOn).toBe('2002-05-06');
      const cleared = await mark(member, 'put', 'check', film.id, { watchedOn: null });
      expect(cleared.state).toEqual({ ...first.state, watchedOn: null });
      expect((await streamOf(member)).map((event) => event.type)).toEqual([
        'FilmChecked',
        'FilmWatchDateChanged',
        'FilmWatchDateChanged',
      ]);
    });

    it('addresses a film by its slug as well as its id', async () => {
      const member = await registerUser(testApp.app);
      const bySlug = await mark(member, 'put', 'favourite', film.slug);
      expect(bySlug.state.favourite).toBe(true);
      expect(await myState(member, bySlug.position, film.id.toUpperCase())).toEqual(bySlug.state);
      expect(await myState(member, bySlug.position, film.slug)).toEqual(bySlug.state);
    });

    it('reads all false and null for a film never touched', async () => {
      const member = await registerUser(testApp.app);
      const response = await request(server)
        .get(`/api/v1/me/films/${film.slug}`)
        .set('Authorization', bearer(member))
        .expect(200);
      expect(response.body).toEqual(UNTOUCHED);
    });
  });

  describe('statistics', () => {
    it('counts every mark and gives the percents of checks to one decimal, half up', async () => {
      const quiet = await addFilm(testApp.app, { title: 'Quiet Film' });
      const empty = await stats(quiet.slug, testApp.app.get<EventStore>(EVENT_STORE).origin);
      expect(empty).toEqual({
        checks: 0,
        favourites: 0,
        dislikes: 0,
        watchlists: 0,
        comments: 0,
        favouritePercent: 0,
        dislikePercent: 0,
        ratings: NO_RATINGS,
      });

      // Eight viewers: one favourite (12.5%), three dislikes then one taken back (25%), two watchlists.
      const members = await client.members(10);
      const viewers = members.slice(0, 8);
      await Promise.all(viewers.map((member) => mark(member, 'put', 'check', quiet.id)));
      await mark(viewers[0]!, 'put', 'favourite', quiet.id);
      await Promise.all(viewers.slice(1, 4).map((member) => mark(member, 'put', 'dislike', quiet.id)));
      await mark(viewers[3]!, 'delete', 'dislike', quiet.id);
      await mark(members[8]!, 'put', 'watchlist', quiet.id);
      const last = await mark(members[9]!, 'put', 'watchlist', quiet.id);

      expect(await stats(quiet.slug, last.position)).toEqual({
        checks: 8,
        favourites: 1,
        dislikes: 2,
        watchlists: 2,
        comments: 0,
        favouritePercent: 12.5,
        dislikePercent: 25,
        ratings: NO_RATINGS,
      });

      // An uncheck takes its dislike with it; a check of a watchlisted film takes it off the watchlist.
      await mark(viewers[1]!, 'delete', 'check', quiet.id);
      const final = await mark(members[8]!, 'put', 'check', quiet.id);
      expect(await stats(quiet.id, final.position)).toMatchObject({
        checks: 8,
        favourites: 1,
        dislikes: 1,
        watchlists: 1,
        favouritePercent: 12.5,
        dislikePercent: 12.5,
        ratings: NO_RATINGS,
      });
    });

    it('is public, and 404 for an unknown film', async () => {
      await request(server).get(`/api/v1/films/${film.slug}/stats`).expect(200);
      const unknown = await request(server).get('/api/v1/films/no-such-film-slug/stats').expect(404);
      expect(unknown.headers['content-type']).toMatch(PROBLEM_JSON);
    });
  });

  it('keeps one mark per member when the same member taps concurrently', async () => {
    const member = await registerUser(testApp.app);
    const target = await addFilm(testApp.app);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => mark(member, 'put', 'favourite', target.id)),
    );
    expect(answers.every((answer) => answer.state.favourite)).toBe(true);
    expect((await streamOf(member, target.id)).map((event) => event.type)).toEqual([
      'FilmChecked',
      'FilmFavourited',
    ]);
    const last = answers
      .map((answer) => answer.position)
      .sort((a, b) => testApp.app.get<EventStore>(EVENT_STORE).comparePositions(a, b))
      .at(-1)!;
    expect(await stats(target.id, last)).toMatchObject({ checks: 1, favourites: 1 });
  });
});
