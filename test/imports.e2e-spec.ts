import { readFileSync } from 'node:fs';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import request from 'supertest';
import { filmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import { importStream } from '../src/modules/imports/domain/import.events.js';
import { importedListId } from '../src/modules/imports/domain/imported-list-id.js';
import { letterboxdSample } from './fixtures/imports/letterboxd-sample.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import type { FilmState, Page } from './support/member-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import { letterboxdExport } from '#testing';
import { startTestApp, type TestApp } from './support/test-app.js';

interface ImportView {
  id: string;
  source: string;
  fileName: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: { done: number; total: number };
  counts: {
    checked: number;
    favourites: number;
    watchlist: number;
    ratings: number;
    lists: number;
    unmatched: number;
  } | null;
  unmatched: { title: string; year: number | null; file: string; line: number }[];
  rowErrors: { file: string; line: number; reason: string }[];
  notImported: Record<string, number>;
  failure?: string;
  createdAt: string;
  completedAt?: string;
}

interface FeedItem {
  actor: { id: string; username: string };
  verb: string;
  occurredAt: string;
  film: { id: string };
}

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/imports/${name}`, import.meta.url));

const NO_COUNTS = { checked: 0, favourites: 0, watchlist: 0, ratings: 0, diaryEntries: 0, lists: 0 };
const WAIT_MS = 20_000;

/** The catalogue the fixtures name (some rows of each are left unmatched on purpose). */
const CATALOGUE = {
  parasite: { title: 'Parasite', originalTitle: '기생충', year: 2019 },
  tiger: { title: 'Crouching Tiger, Hidden Dragon', year: 2000, externalIds: { imdb: 'tt0190332' } },
  amelie: { title: 'Amélie', year: 2001, externalIds: { imdb: 'tt0211915' } },
  zone: { title: 'The Zone of Interest', year: 2023 },
  stalker: { title: 'Stalker', year: 1979, externalIds: { imdb: 'tt0079944' } },
  tinker: { title: 'Tinker Tailor Soldier Spy', year: 2011 },
  portrait: { title: 'Portrait of a Lady on Fire', year: 2019 },
  spirited: { title: 'Spirited Away', year: 2001, externalIds: { imdb: 'tt0245429' } },
  mepris: { title: 'Contempt', originalTitle: 'Le Mépris', year: 1963, externalIds: { imdb: 'tt0057345' } },
  cite: { title: 'The City of Lost Children', originalTitle: 'La Cité des enfants perdus', year: 1995 },
  asterix: { title: 'Asterix and Obelix vs. Caesar', year: 1999, externalIds: { imdb: 'tt0133385' } },
  shawshank: { title: 'The Shawshank Redemption', year: 1994, externalIds: { imdb: 'tt0111161' } },
  duel: { title: 'Duel', year: 1971, externalIds: { imdb: 'tt0067023' } },
  spiderman: { title: 'Spider-Man: No Way Home', year: 2021, externalIds: { imdb: 'tt10872600' } },
  lawrence: { title: 'Lawrence of Arabia', year: 1962, externalIds: { imdb: 'tt0056172' } },
} as const;
type FilmKey = keyof typeof CATALOGUE;

describe('imports (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let store: EventStore;
  const films = {} as Record<FilmKey, string>;
  let sampleZip: Buffer;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    server = testApp.app.getHttpServer();
    store = testApp.app.get<EventStore>(EVENT_STORE);
    for (const [key, film] of Object.entries(CATALOGUE))
      films[key as FilmKey] = (await addFilm(testApp.app, film)).id;
    sampleZip = await letterboxdExport(letterboxdSample);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const upload = (user: TestUser | null, bytes?: Buffer, name = 'export.zip', source?: string) => {
    let call = request(server).post('/api/v1/imports');
    if (user) call = call.set('Authorization', bearer(user));
    if (source !== undefined) call = call.field('source', source);
    return bytes ? call.attach('file', bytes, name) : call;
  };

  const read = async <Body>(user: TestUser, path: string, position?: string): Promise<Body> => {
    let call = request(server).get(`/api/v1${path}`).set('Authorization', bearer(user));
    if (position) call = call.set('X-Consistent-With', position);
    const response = await call;
    expect(response.status).toBe(200);
    if (position) expect(response.headers['x-consistency']).toBe('reached');
    return response.body as Body;
  };

  const events = async (streamId: string): Promise<RecordedEvent[]> => {
    const found: RecordedEvent[] = [];
    for await (const event of store.readStream(streamId)) found.push(event);
    return found;
  };

  /** Every event on the member's film-log streams of the catalogue's films. */
  const filmLogEvents = async (member: TestUser): Promise<number> => {
    let count = 0;
    for (const film of Object.values(films)) count += (await events(filmLogStream(member.id, film))).length;
    return count;
  };

  /** Uploads, waits for the job to finish, and returns the result and the position of its last event. */
  const importFile = async (
    user: TestUser,
    bytes: Buffer,
    name = 'export.zip',
    source?: string,
  ): Promise<{ view: ImportView; position: string }> => {
    const response = await upload(user, bytes, name, source);
    expect(response.status).toBe(202);
    const { importId, position } = response.body as { importId: string; position: string };
    expect(typeof position).toBe('string');
    const queued = await read<ImportView>(user, `/imports/${importId}`, position);
    expect(['queued', 'running', 'completed']).toContain(queued.status);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const last = (await events(importStream(importId))).at(-1)!;
      if (last.type === 'ImportCompleted' || last.type === 'ImportFailed') {
        const view = await read<ImportView>(user, `/imports/${importId}`, last.position);
        return { view, position: last.position };
      }
      if (Date.now() > deadline) throw new Error(`import ${importId} did not finish in time`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stateOf = (user: TestUser, film: FilmKey, position: string): Promise<FilmState> =>
    read<FilmState>(user, `/me/films/${films[film]}`, position);

  describe('Letterboxd', () => {
    it('imports checks at the diary’s watched dates, favourites, the watchlist and ranked lists; reports the rest', async () => {
      const member = await registerUser(testApp.app);
      const { view, position } = await importFile(member, sampleZip, 'letterboxd-export.zip');

      expect(view).toMatchObject({
        source: 'letterboxd',
        fileName: 'letterboxd-export.zip',
        status: 'completed',
        counts: {
          checked: 4,
          favourites: 1,
          watchlist: 2,
          ratings: 3,
          diaryEntries: 4,
          reviews: 1,
          lists: 2,
          unmatched: 1,
        },
        unmatched: [{ title: 'Aftersun', year: 2022, file: 'watched.csv', line: 5 }],
        notImported: {},
      });
      expect(view.progress.total).toBeGreaterThan(0);
      expect(view.progress.done).toBe(view.progress.total);
      expect(view.rowErrors.map(({ file, line }) => ({ file, line }))).toEqual([
        { file: 'diary.csv', line: 6 },
        { file: 'diary.csv', line: 7 },
      ]);
      expect(view.completedAt).toBeDefined();

      // The viewing date (diary Watched Date, earliest of a rewatch), never the logged Date.
      expect(await stateOf(member, 'parasite', position)).toMatchObject({
        checked: true,
        watchedOn: '2020-02-10',
        favourite: true,
        watchlisted: false,
        // The rewatch's Rating, logged last.
        rating: 5,
      });
      expect(await stateOf(member, 'tiger', position)).toMatchObject({
        checked: true,
        watchedOn: '2021-02-28',
      });
      expect(await stateOf(member, 'zone', position)).toMatchObject({
        checked: true,
        watchedOn: '2024-02-01',
      });
      expect(await stateOf(member, 'stalker', position)).toMatchObject({ checked: false, watchlisted: true });
      expect(await stateOf(member, 'tinker', position)).toMatchObject({ watchlisted: true });

      const ranked = await read<{
        ranked: boolean;
        visibility: string;
        title: string;
        description: string | null;
        items: { rank?: number; film: { id: string }; note?: string }[];
      }>(member, `/lists/${importedListId(member.id, 'letterboxd', 'best-of-2019')}`, position);
      expect(ranked).toMatchObject({
        ranked: true,
        visibility: 'private',
        title: 'Best of 2019',
        description: 'My favourites of the year,\nranked with care',
      });
      expect(ranked.items.map((item) => [item.rank, item.film.id, item.note])).toEqual([
        [1, films.parasite, "Bong's best, by far"],
        [2, films.portrait, undefined],
      ]);
      const unranked = await read<{ ranked: boolean; items: { film: { id: string } }[] }>(
        member,
        `/lists/${importedListId(member.id, 'letterboxd', 'to-share')}`,
        position,
      );
      expect(unranked.ranked).toBe(false);
      expect(unranked.items.map((item) => item.film.id)).toEqual([films.stalker, films.amelie]);

      // The member's film-log events say who and which import.
      for (const event of await events(filmLogStream(member.id, films.parasite)))
        expect(event.metadata).toMatchObject({ actorId: member.id, correlationId: view.id });

      const mine = await read<Page<ImportView>>(member, '/imports', position);
      expect(mine.items.map((item) => item.id)).toEqual([view.id]);
    });

    it('the same file again adds nothing; a newer export adds only what is new', async () => {
      const member = await registerUser(testApp.app);
      await importFile(member, sampleZip);
      const before = await filmLogEvents(member);

      const again = await importFile(member, sampleZip);
      expect(again.view).toMatchObject({ status: 'completed', counts: { ...NO_COUNTS, unmatched: 1 } });
      expect(await filmLogEvents(member)).toBe(before);

      const newer = await letterboxdExport({
        ...letterboxdSample,
        'diary.csv': `${letterboxdSample['diary.csv'] as string}2024-06-01,Stalker,1979,https://boxd.it/d7,,,,2024-05-30\r\n`,
      });
      const third = await importFile(member, newer);
      expect(third.view).toMatchObject({
        status: 'completed',
        counts: { ...NO_COUNTS, checked: 1, diaryEntries: 1, unmatched: 1 },
      });
      expect((await events(filmLogStream(member.id, films.stalker))).map((event) => event.type)).toEqual([
        'FilmAddedToWatchlist',
        'FilmChecked',
        'FilmRemovedFromWatchlist',
        'ViewingLogged',
      ]);
      expect(await stateOf(member, 'stalker', third.position)).toMatchObject({
        checked: true,
        watchedOn: '2024-05-30',
        watchlisted: false,
      });
      expect(await filmLogEvents(member)).toBe(before + 3);
      expect((await read<Page<ImportView>>(member, '/imports', third.position)).items).toHaveLength(3);
    });

    it('shows imported checks at their own dates, never on top of a follower’s feed', async () => {
      const member = await registerUser(testApp.app);
      const follower = await registerUser(testApp.app);
      await request(server)
        .put(`/api/v1/users/${member.username}/follow`)
        .set('Authorization', bearer(follower))
        .expect(200);
      const fresh = await request(server)
        .put(`/api/v1/films/${films.lawrence}/check`)
        .set('Authorization', bearer(member))
        .expect(200);
      expect(fresh.body).toHaveProperty('position');

      const { position } = await importFile(member, sampleZip);
      const feed = await read<Page<FeedItem>>(follower, '/feed?limit=100', position);
      expect(feed.items[0]).toMatchObject({ verb: 'checked', film: { id: films.lawrence } });
      const imported = feed.items.find((item) => item.verb === 'checked' && item.film.id === films.parasite);
      expect(imported?.occurredAt).toBe('2020-02-10T12:00:00.000Z');
      for (const item of feed.items.slice(1))
        expect(Date.parse(item.occurredAt)).toBeLessThan(Date.parse(feed.items[0]!.occurredAt));
    });

    it('fails a zip whose watched.csv has the wrong header, with the reason; nothing is written', async () => {
      const member = await registerUser(testApp.app);
      const bad = await letterboxdExport({ 'watched.csv': 'When,Title,Year\n2021-01-01,Parasite,2019\n' });
      const { view } = await importFile(member, bad);
      expect(view.status).toBe('failed');
      expect(view.failure).toMatch(/watched\.csv/);
      expect(view.counts).toBeNull();
      expect(await filmLogEvents(member)).toBe(0);
    });
  });

  describe('iCheckMovies and IMDb', () => {
    it('imports an iCheckMovies CSV with commas in UTF-8 (BOM, quoted commas)', async () => {
      const member = await registerUser(testApp.app);
      const { view, position } = await importFile(
        member,
        fixture('icheckmovies-comma-utf8.csv'),
        'checks.csv',
      );
      expect(view).toMatchObject({ source: 'icheckmovies', status: 'completed' });
      // Amélie's row says favorite=maybe: a row error, and the row is left out as a whole.
      // Akira (not in the catalogue) has no mark at all: nothing to match.
      expect(view.counts).toMatchObject({ checked: 1, watchlist: 1, unmatched: 0 });
      expect(await stateOf(member, 'amelie', position)).toMatchObject({ checked: false });
      expect(await stateOf(member, 'tiger', position)).toMatchObject({
        checked: true,
        watchedOn: '2019-05-05',
      });
      expect(await stateOf(member, 'spirited', position)).toMatchObject({
        checked: false,
        watchlisted: true,
      });
      expect(view.rowErrors.some((error) => error.file === 'checks.csv' && error.line === 5)).toBe(true);
    });

    it('imports a semicolon iCheckMovies CSV in ISO-8859-1; a bad row is reported and the rest goes on', async () => {
      const member = await registerUser(testApp.app);
      const { view, position } = await importFile(
        member,
        fixture('icheckmovies-semicolon-latin1.csv'),
        'icm.csv',
        'icheckmovies',
      );
      expect(view).toMatchObject({
        status: 'completed',
        counts: { checked: 3, favourites: 1, watchlist: 1 },
      });
      expect(view.rowErrors.map(({ file, line }) => ({ file, line }))).toEqual([
        { file: 'icm.csv', line: 6 },
      ]);
      expect(await stateOf(member, 'amelie', position)).toMatchObject({
        checked: true,
        watchedOn: '2015-04-03',
        favourite: true,
      });
      expect(await stateOf(member, 'mepris', position)).toMatchObject({
        checked: true,
        watchedOn: '2016-01-02',
      });
      expect(await stateOf(member, 'cite', position)).toMatchObject({ watchlisted: true });
      expect(await stateOf(member, 'asterix', position)).toMatchObject({ checked: true, disliked: true });
    });

    it('imports IMDb ratings (films only, checked) and an IMDb list as the watchlist', async () => {
      const member = await registerUser(testApp.app);
      const ratings = await importFile(member, fixture('imdb-ratings.csv'), 'ratings.csv');
      expect(ratings.view).toMatchObject({ source: 'imdb', status: 'completed' });
      expect(ratings.view.counts).toMatchObject({ checked: 3, watchlist: 0, ratings: 3 });
      expect(ratings.view.rowErrors.some((error) => error.file === 'ratings.csv' && error.line === 7)).toBe(
        true,
      );
      for (const film of ['shawshank', 'duel', 'spiderman'] as const)
        expect(await stateOf(member, film, ratings.position)).toMatchObject({ checked: true });

      const watchlist = await importFile(member, fixture('imdb-watchlist.csv'), 'watchlist.csv');
      expect(watchlist.view).toMatchObject({ status: 'completed', counts: { watchlist: 2 } });
      expect(await stateOf(member, 'lawrence', watchlist.position)).toMatchObject({ watchlisted: true });
      expect(await stateOf(member, 'stalker', watchlist.position)).toMatchObject({ watchlisted: true });
    });
  });

  describe('refusals', () => {
    it('400 naming file without a file or with a file of no known kind, naming source for an unknown source', async () => {
      const member = await registerUser(testApp.app);
      for (const [response, field] of [
        [await upload(member), 'file'],
        [await upload(member, Buffer.from('hello,world\n1,2\n'), 'notes.csv'), 'file'],
        [await upload(member, sampleZip, 'export.zip', 'netflix'), 'source'],
      ] as const) {
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(fieldsOf(response.body as ProblemBody)).toEqual([field]);
      }
      expect((await upload(null, sampleZip)).status).toBe(401);
      expect((await read<Page<ImportView>>(member, '/imports')).items).toEqual([]);
    });

    it('404 for another member’s import and for an id that is not one', async () => {
      const [owner, other] = [await registerUser(testApp.app), await registerUser(testApp.app)];
      const response = await upload(owner, fixture('imdb-watchlist.csv'), 'w.csv');
      const { importId, position } = response.body as { importId: string; position: string };
      await read(owner, `/imports/${importId}`, position);
      for (const [user, id] of [
        [other, importId],
        [owner, 'not-an-id'],
        [owner, '5f1f0c8e-3b9a-4c53-8a3e-0d6a4c1b9e77'],
      ] as const) {
        const answer = await request(server)
          .get(`/api/v1/imports/${id}`)
          .set('Authorization', bearer(user))
          .set('X-Consistent-With', position);
        expect(answer.status).toBe(404);
        expect(answer.headers['content-type']).toMatch(PROBLEM_JSON);
      }
    });

    it('413 above IMPORT_MAX_BYTES', async () => {
      const small = await startTestApp({
        env: { IMPORT_MAX_BYTES: '1024', AUTH_RATE_LIMIT_PER_MINUTE: '0' },
      });
      try {
        const member = await registerUser(small.app);
        const big = Buffer.concat([fixture('imdb-ratings.csv'), Buffer.alloc(2048, 0x20)]);
        const response = await request(small.app.getHttpServer())
          .post('/api/v1/imports')
          .set('Authorization', bearer(member))
          .attach('file', big, 'ratings.csv');
        expect(response.status).toBe(413);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        const fits = await request(small.app.getHttpServer())
          .post('/api/v1/imports')
          .set('Authorization', bearer(member))
          .attach('file', fixture('imdb-watchlist.csv').subarray(0, 1000), 'w.csv');
        expect(fits.status).toBe(202);
      } finally {
        await small.close();
      }
    });
  });
});
