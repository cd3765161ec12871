import { readFileSync } from 'node:fs';
import { letterboxdExport } from '#testing';
import request from 'supertest';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { FestivalProgramme } from './support/festival-programme.js';
import { addFilm } from './support/films.js';
import { MemberClient, type FilmState, type Page } from './support/member-client.js';
import { PROBLEM_JSON } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { unzipFiles } from './support/zip-files.js';

/** A real Letterboxd export: our CSVs must carry exactly its headers. */
const REAL_EXPORT = new URL('../../shared/fixtures/real-exports/letterboxd-kevdoy-kev.zip', import.meta.url);

interface ExportView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: { done: number; total: number };
  createdAt: string;
  completedAt?: string;
}

interface DiaryItem {
  id: string;
  film: { id: string };
  watchedOn: string;
  rewatch: boolean;
  rating: number | null;
  review: { id: string } | null;
}

interface ListView {
  id: string;
  title: string;
  description: string | null;
  ranked: boolean;
  visibility: string;
  items: { rank?: number; film: { id: string }; note?: string | null }[];
}

const WAIT_MS = 30_000;
const FILMS = [
  'dated',
  'undated',
  'favourite',
  'disliked',
  'watchlisted',
  'rated',
  'diary',
  'reviewed',
] as const;
type FilmKey = (typeof FILMS)[number];

const headerOf = (text: string): string => text.split('\n')[0]!;

describe('data export (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let client: MemberClient;
  let alice: TestUser;
  const films = {} as Record<FilmKey, string>;
  let archive: Buffer;
  let files: Map<string, Buffer>;

  const until = async <T>(what: string, probe: () => Promise<T | null>): Promise<T> => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = await probe();
      if (found !== null) return found;
      if (Date.now() > deadline) throw new Error(`${what} did not happen in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const get = (user: TestUser, path: string) =>
    request(server).get(`/api/v1${path}`).set('Authorization', bearer(user));

  const exported = (user: TestUser, id: string): Promise<ExportView> =>
    until(`export ${id}`, async () => {
      const view = (await get(user, `/me/exports/${id}`)).body as ExportView;
      return view.status === 'completed' || view.status === 'failed' ? view : null;
    });

  const download = async (user: TestUser, id: string): Promise<Buffer> => {
    const response = await get(user, `/me/exports/${id}/file`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="filmlog-export-.+\.zip"$/,
    );
    return response.body as Buffer;
  };

  /** Imports a file into the member's account and waits until the import is done. */
  const importInto = async (user: TestUser, bytes: Buffer): Promise<string> => {
    const started = await request(server)
      .post('/api/v1/imports')
      .set('Authorization', bearer(user))
      .attach('file', bytes, 'filmlog-export.zip')
      .expect(202);
    const { importId } = started.body as { importId: string };
    const view = await until(`import ${importId}`, async () => {
      const body = (await get(user, `/imports/${importId}`)).body as {
        status: string;
        counts: Record<string, number>;
        failure?: string;
      };
      return body.status === 'completed' || body.status === 'failed' ? body : null;
    });
    expect(view).toMatchObject({ status: 'completed' });
    return (await client.events(`import-${importId}`)).at(-1)!.position;
  };

  /** Everything a member's account shows of the films, their diary and their lists, as of `position`. */
  const accountOf = async (user: TestUser, position: string) => {
    const read = async <Body>(path: string): Promise<Body> => {
      const response = await get(user, path).set('X-Consistent-With', position);
      expect(response.status).toBe(200);
      return response.body as Body;
    };
    const states = {} as Record<FilmKey, FilmState>;
    for (const key of FILMS) states[key] = await read<FilmState>(`/me/films/${films[key]}`);
    const diary = (await read<Page<DiaryItem>>(`/users/${user.username}/diary`)).items.map(
      ({ film, watchedOn, rewatch, rating, review }) => ({
        film: film.id,
        watchedOn,
        rewatch,
        rating,
        review: review !== null,
      }),
    );
    const shown = [];
    for (const { id } of (await read<Page<{ id: string }>>(`/users/${user.username}/lists`)).items) {
      const list = await read<ListView>(`/lists/${id}`);
      shown.push({
        title: list.title,
        description: list.description,
        ranked: list.ranked,
        visibility: list.visibility,
        items: list.items.map(({ rank, film, note }) => ({ rank, film: film.id, note })),
      });
    }
    const reviews = (
      await read<Page<{ author: { id: string }; body: string; rating: number; createdAt: string }>>(
        `/films/${films.reviewed}/reviews`,
      )
    ).items
      .filter(({ author }) => author.id === user.id)
      .map(({ body, rating, createdAt }) => ({ body, rating, createdAt }));
    return { states, diary, lists: shown, reviews };
  };

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '0', COMMENT_RATE_LIMIT_PER_MINUTE: '0' },
    });
    server = testApp.app.getHttpServer();
    client = new MemberClient(testApp.app);
    for (const key of FILMS)
      films[key] = (await addFilm(testApp.app, { title: `Exported ${key} ${Date.now()}` })).id;
    alice = await registerUser(testApp.app);

    await client.mark(alice, 'put', 'check', films.dated, { watchedOn: '2020-05-01' });
    await client.mark(alice, 'put', 'check', films.undated);
    await client.mark(alice, 'put', 'favourite', films.favourite);
    await client.mark(alice, 'put', 'dislike', films.disliked);
    await client.mark(alice, 'put', 'watchlist', films.watchlisted);
    await client.mark(alice, 'put', 'rating', films.rated, { rating: 4.5 });
    await client.write(
      alice,
      'post',
      '/me/diary',
      { film: films.diary, watchedOn: '2021-03-04', rating: 3 },
      201,
    );
    await client.write(
      alice,
      'post',
      '/me/diary',
      { film: films.diary, watchedOn: '2022-01-02', rewatch: true },
      201,
    );
    await client.write(
      alice,
      'post',
      `/films/${films.reviewed}/reviews`,
      { body: 'Quiet, "then" loud, at once.', rating: 4 },
      201,
    );
    const list = await client.write<{ id: string; position: string }>(
      alice,
      'post',
      '/lists',
      { title: 'Best of, ranked', description: 'Mine', ranked: true, visibility: 'friends' },
      201,
    );
    await client.write(alice, 'put', `/lists/${list.id}/items/${films.favourite}`, {
      note: 'first, with a comma',
    });
    await client.write(alice, 'put', `/lists/${list.id}/items/${films.dated}`, {
      rank: 1,
      note: 'now first',
    });
    await client.write(alice, 'put', `/lists/${list.id}/items/${films.diary}`, {});
    await client.write(
      alice,
      'post',
      `/films/${films.dated}/comments`,
      { body: 'A comment to take along' },
      201,
    );

    const programme = new FestivalProgramme(testApp.app);
    const edition = await programme.edition();
    const screening = await programme.screening(edition, films.dated, 'Filmhouse 1', '2008-06-18T18:00');
    await client.write(alice, 'put', `/me/festivals/${edition.festival}/${edition.year}/plan/${screening}`);

    const started = await client.write<{ id: string; position: string }>(
      alice,
      'post',
      '/me/exports',
      undefined,
      202,
    );
    const view = await exported(alice, started.id);
    expect(view).toMatchObject({ id: started.id, status: 'completed' });
    archive = await download(alice, started.id);
    files = await unzipFiles(archive);
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('answers 202 with the export’s id and a position, then shows it queued, running or done', async () => {
    const started = await request(server)
      .post('/api/v1/me/exports')
      .set('Authorization', bearer(alice))
      .expect(202);
    const { id, position } = started.body as { id: string; position: string };
    const view = await get(alice, `/me/exports/${id}`).set('X-Consistent-With', position).expect(200);
    expect(['queued', 'running', 'completed']).toContain((view.body as ExportView).status);
    expect((view.body as ExportView).createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const done = await exported(alice, id);
    expect(done.completedAt).toBeDefined();
    expect(done.progress.done).toBe(done.progress.total);
  });

  it('is its owner’s only: anyone else gets a 404, and a file not ready is a 409', async () => {
    const other = await registerUser(testApp.app);
    const started = await request(server)
      .post('/api/v1/me/exports')
      .set('Authorization', bearer(alice))
      .expect(202);
    const { id, position } = started.body as { id: string; position: string };
    const early = await get(alice, `/me/exports/${id}/file`).set('X-Consistent-With', position);
    // The job may already have finished on a fast machine; until then the file is a conflict.
    if (early.status !== 200) {
      expect(early.status).toBe(409);
      expect(early.headers['content-type']).toMatch(PROBLEM_JSON);
    }
    await exported(alice, id);
    for (const path of [`/me/exports/${id}`, `/me/exports/${id}/file`]) {
      const response = await get(other, path);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    }
    await request(server).get(`/api/v1/me/exports/${id}`).expect(401);
    await get(alice, '/me/exports/not-an-id').expect(404);
  });

  it('holds the Letterboxd files with the real export’s headers, and filmlog.json', async () => {
    const real = await unzipFiles(readFileSync(REAL_EXPORT));
    for (const name of [
      'watched.csv',
      'diary.csv',
      'ratings.csv',
      'reviews.csv',
      'likes/films.csv',
      'watchlist.csv',
    ])
      expect([name, headerOf(files.get(name)!.toString())]).toEqual([
        name,
        headerOf(real.get(name)!.toString()),
      ]);
    const realList = real.get('lists/the-tarantino-movies-ranked.csv')!.toString().split('\n');
    const ourList = files.get('lists/best-of-ranked.csv')!.toString().split('\n');
    expect([ourList[0], ourList[1], ourList[3], ourList[4]]).toEqual([
      realList[0],
      realList[1],
      realList[3],
      realList[4],
    ]);
    expect(ourList.slice(5, 8).map((line) => line.split(',')[0])).toEqual(['1', '2', '3']);
    expect(files.get('reviews.csv')!.toString()).toContain('"Quiet, ""then"" loud, at once."');

    const json = JSON.parse(files.get('filmlog.json')!.toString()) as {
      format: string;
      profile: { username: string };
      films: { film: { id: string }; disliked: { at: string } | null }[];
      comments: { body: string }[];
      festivalPlans: { year: number; screenings: { venue: string; film: { id: string } }[] }[];
      events: { type: string; metadata: { actorId: string } }[];
    };
    expect(json.format).toBe('filmlog-export');
    expect(json.profile.username).toBe(alice.username);
    expect(json.films.find(({ film }) => film.id === films.disliked)?.disliked?.at).toMatch(/T/);
    expect(json.comments.map(({ body }) => body)).toEqual(['A comment to take along']);
    expect(json.festivalPlans).toMatchObject([
      { year: 2008, screenings: [{ venue: 'Filmhouse 1', film: { id: films.dated } }] },
    ]);
    const types = new Set(json.events.map(({ type }) => type));
    for (const type of ['FilmChecked', 'FilmDisliked', 'ListCreated', 'CommentPosted', 'ExportRequested'])
      expect(types).toContain(type);
  });

  it('comes back whole when imported into a fresh account: marks with their instants, ratings, diary, lists', async () => {
    const bob = await registerUser(testApp.app);
    const position = await importInto(bob, archive);
    const [theirs, ours] = [await accountOf(alice, client.latest), await accountOf(bob, position)];
    expect(theirs.states.dated).toMatchObject({ checked: true, watchedOn: '2020-05-01' });
    expect(theirs.states.disliked).toMatchObject({ checked: true, disliked: true });
    expect(theirs.diary).toHaveLength(2);
    expect(theirs.lists[0]!.items).toHaveLength(3);
    expect(theirs.reviews).toHaveLength(1);
    expect(ours.states).toEqual(theirs.states);
    expect(ours.reviews).toEqual(theirs.reviews);
    expect(ours.diary).toEqual(theirs.diary);
    expect(ours.lists).toEqual(theirs.lists);
  });

  it('imports its CSVs alone with the Letterboxd importer, to the day', async () => {
    const carol = await registerUser(testApp.app);
    const csvOnly = Object.fromEntries([...files].filter(([name]) => name !== 'filmlog.json'));
    const position = await importInto(carol, await letterboxdExport(csvOnly));
    const { states, diary, lists } = await accountOf(carol, position);
    expect(states.undated).toMatchObject({ checked: true });
    expect(states.favourite).toMatchObject({ checked: true, favourite: true });
    expect(states.watchlisted).toMatchObject({ watchlisted: true, checked: false });
    expect(states.rated).toMatchObject({ rating: 4.5 });
    expect(states.diary).toMatchObject({ watchedOn: '2021-03-04', viewings: 2, rating: 3 });
    expect(states.reviewed).toMatchObject({ checked: true });
    expect(diary.map(({ watchedOn, rewatch }) => ({ watchedOn, rewatch }))).toEqual([
      { watchedOn: '2022-01-02', rewatch: true },
      { watchedOn: '2021-03-04', rewatch: false },
    ]);
    expect(lists[0]).toMatchObject({
      title: 'Best of, ranked',
      ranked: true,
      items: [
        { rank: 1, film: films.dated, note: 'now first' },
        { rank: 2, film: films.favourite, note: 'first, with a comma' },
        { rank: 3, film: films.diary },
      ],
    });
  });
});
