import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import request from 'supertest';
import { READ_MODEL_POOL } from '../src/platform/database/database.module.js';
import { REDIS } from '../src/platform/redis/redis.module.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { ListClient } from './support/list-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WAIT_MS = 30_000;

/** One unique word per kind of personal text, so a leak names where it came from. */
const MARK = `qx${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const MARKERS = {
  comment: `${MARK}comment`,
  commentEdit: `${MARK}edited`,
  review: `${MARK}review`,
  listTitle: `${MARK}title`,
  listDescription: `${MARK}description`,
  listNote: `${MARK}note`,
  reportNote: `${MARK}report`,
  importFile: `${MARK}file`,
} as const;

/** Where a marker shows in a text: as itself, or hex-encoded (how pg_dump writes bytea). */
const leaksIn = (text: string): string[] =>
  Object.entries(MARKERS)
    .filter(([, marker]) => text.includes(marker) || text.includes(Buffer.from(marker).toString('hex')))
    .map(([kind]) => kind);

const filesUnder = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? filesUnder(path) : [path];
      })
    : [];

describe('erasure (e2e): personal text is gone everywhere', () => {
  let testApp: TestApp;
  let client: ListClient;
  let alice: TestUser;
  let bob: TestUser;
  let filmId: string;
  let aliceListId: string;
  let logFile: string;
  const folder = join(tmpdir(), 'filmlog-test-erasure', randomUUID());

  beforeAll(async () => {
    logFile = join(folder, 'service.log');
    testApp = await startTestApp({
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '0',
        COMMENT_RATE_LIMIT_PER_MINUTE: '0',
        // Everything the service logs, so the proof covers the logs too.
        LOG_LEVEL: 'trace',
        LOG_FILE: logFile,
        IMAGES_DIR: join(folder, 'images'),
      },
    });
    client = new ListClient(testApp.app);
    [alice, bob] = [await registerUser(testApp.app), await registerUser(testApp.app)];
    filmId = (await addFilm(testApp.app, { title: 'Stalker', year: 1979 })).id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const pool = () => testApp.app.get<pg.Pool>(READ_MODEL_POOL);
  const ok = async (
    user: TestUser | undefined,
    method: 'post' | 'put' | 'patch',
    path: string,
    body?: object,
  ) => {
    const response = await client.call(user, method, path, body);
    expect(response.status).toBeLessThan(300);
    return response.body as { id?: string; importId?: string; position?: string };
  };

  const pgDump = async (): Promise<string> =>
    (await promisify(execFile)('pg_dump', ['--no-owner', testApp.database.url], { maxBuffer: 1 << 29 }))
      .stdout;

  const redisText = async (): Promise<string> => {
    const redis = testApp.app.get<Redis>(REDIS);
    const parts: string[] = [];
    for await (const keys of redis.scanStream({ count: 500 }) as AsyncIterable<string[]>) {
      for (const key of keys) {
        const type = await redis.type(key);
        parts.push(key);
        if (type === 'string') parts.push((await redis.get(key)) ?? '');
        if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
        if (type === 'list') parts.push(...(await redis.lrange(key, 0, -1)));
        if (type === 'set') parts.push(...(await redis.smembers(key)));
        if (type === 'zset') parts.push(...(await redis.zrange(key, 0, -1)));
        if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      }
    }
    return parts.join('\n');
  };

  /** Every projection rebuilt from the log, swapped in and caught up. */
  const rebuildAll = async (admin: TestUser): Promise<void> => {
    const { rows } = await pool().query<{ projection: string }>(
      `SELECT projection FROM projection_checkpoints`,
    );
    for (const { projection } of rows)
      await request(testApp.app.getHttpServer())
        .post(`/api/v1/admin/projections/${projection}/rebuild`)
        .set('Authorization', bearer(admin))
        .expect(202);
    const deadline = Date.now() + WAIT_MS * 2;
    for (;;) {
      const busy = await pool().query(
        `SELECT 1 FROM projection_checkpoints WHERE rebuild_requested_at IS NOT NULL OR rebuild_version IS NOT NULL`,
      );
      if (busy.rowCount === 0) return;
      if (Date.now() > deadline) throw new Error('the rebuilds did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it('keeps the text sealed in the log while the member is here, and shows it to readers', async () => {
    await ok(bob, 'put', `/users/${alice.username}/follow`);
    await ok(alice, 'put', `/users/${bob.username}/follow`);
    await ok(alice, 'put', `/films/${filmId}/favourite`);
    const commentId = (await ok(alice, 'post', `/films/${filmId}/comments`, { body: MARKERS.comment })).id!;
    await ok(alice, 'patch', `/comments/${commentId}`, { body: `${MARKERS.commentEdit} and more` });
    await ok(alice, 'post', `/films/${filmId}/reviews`, { body: MARKERS.review, rating: 4.5 });
    aliceListId = (
      await ok(alice, 'post', '/lists', {
        title: MARKERS.listTitle,
        description: MARKERS.listDescription,
        ranked: true,
        visibility: 'public',
      })
    ).id!;
    await ok(alice, 'put', `/lists/${aliceListId}/items/${filmId}`, { note: MARKERS.listNote });
    const bobComment = (await ok(bob, 'post', `/films/${filmId}/comments`, { body: 'a comment bob keeps' }))
      .id!;
    await ok(alice, 'post', `/comments/${bobComment}/reports`, { reason: 'other', note: MARKERS.reportNote });
    const upload = await request(testApp.app.getHttpServer())
      .post('/api/v1/imports')
      .set('Authorization', bearer(alice))
      .attach('file', Buffer.from('title,year,checked\nStalker,1979,yes\nA Film Nobody Made,1901,yes\n'), {
        filename: `${MARKERS.importFile}.csv`,
      });
    expect(upload.status).toBe(202);
    const importId = (upload.body as { importId: string }).importId;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const state = await client.call(alice, 'get', `/imports/${importId}`);
      const { status, unmatched } = state.body as { status: string; unmatched: unknown[] };
      // The unmatched row names the uploaded file: the import's outcome carries personal text too.
      if (status === 'completed') {
        expect(unmatched).toEqual([expect.objectContaining({ title: 'A Film Nobody Made' })]);
        break;
      }
      if (Date.now() > deadline) throw new Error('the import did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // An archive of everything above, kept until the member leaves.
    const exportId = (await ok(alice, 'post', '/me/exports')).id!;
    const exportDeadline = Date.now() + WAIT_MS;
    while ((await client.call(alice, 'get', `/me/exports/${exportId}`)).body.status !== 'completed') {
      if (Date.now() > exportDeadline) throw new Error('the export did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const shown = await client.call(bob, 'get', `/lists/${aliceListId}`);
    expect(shown.body).toMatchObject({ title: MARKERS.listTitle, items: [{ note: MARKERS.listNote }] });

    const { rows } = await pool().query<{ data: string }>(
      `SELECT data::text FROM events WHERE data::text LIKE $1`,
      [`%${MARK}%`],
    );
    expect(rows).toEqual([]);
    // The read models hold the text while the member is here (the first comment body only in the
    // sealed log, since it was edited): the dump search finds what is there.
    expect(leaksIn(await pgDump()).sort()).toEqual(
      [
        'commentEdit',
        'importFile',
        'listDescription',
        'listNote',
        'listTitle',
        'reportNote',
        'review',
      ].sort(),
    );
  });

  it('answers 403 without the password or with a wrong one, and changes nothing', async () => {
    await request(testApp.app.getHttpServer())
      .delete('/api/v1/me')
      .set('Authorization', bearer(alice))
      .expect(403);
    await request(testApp.app.getHttpServer())
      .delete('/api/v1/me')
      .set('Authorization', bearer(alice))
      .send({ password: 'not the password' })
      .expect(403);
    await request(testApp.app.getHttpServer())
      .get('/api/v1/me')
      .set('Authorization', bearer(alice))
      .expect(200);
  });

  it('erases: sign-in fails, the profile is 404, and the member leaves every read model', async () => {
    const erased = await request(testApp.app.getHttpServer())
      .delete('/api/v1/me')
      .set('Authorization', bearer(alice))
      .send({ password: alice.password });
    expect(erased.status).toBe(202);
    const position = (erased.body as { position: string }).position;
    expect(typeof position).toBe('string');
    const read = (user: TestUser | undefined, path: string) => {
      const call = request(testApp.app.getHttpServer())
        .get(`/api/v1${path}`)
        .set('X-Consistent-With', position);
      return user ? call.set('Authorization', bearer(user)) : call;
    };

    await request(testApp.app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ login: alice.username, password: alice.password })
      .expect(401);
    await read(alice, '/me').expect(401);
    await read(undefined, `/users/${alice.username}`).expect(404);
    await read(bob, `/lists/${aliceListId}`).expect(404);
    expect((await read(bob, `/users/${bob.username}/followers`).expect(200)).body.items).toEqual([]);
    expect((await read(bob, `/users/${bob.username}/following`).expect(200)).body.items).toEqual([]);
    expect((await read(bob, '/feed').expect(200)).body.items).toEqual([]);
    expect((await read(bob, `/films/${filmId}/activity`).expect(200)).body.items).toEqual([
      expect.objectContaining({ actor: { id: bob.id, username: bob.username }, verb: 'commented' }),
    ]);
    const comments = (await read(bob, `/films/${filmId}/comments`).expect(200)).body.items as {
      body: string;
    }[];
    expect(comments.map((comment) => comment.body)).toEqual(['a comment bob keeps']);
    expect((await read(bob, `/films/${filmId}/reviews`).expect(200)).body.items).toEqual([]);
    // Uploaded files and archives go with the member (the imports and exports projections remove them).
    const filesLeft = async () =>
      Number(
        (
          await pool().query<{ files: string }>(
            `SELECT (SELECT count(*) FROM export_file_chunks WHERE member_id = $1)
                  + (SELECT count(*) FROM import_files WHERE member_id = $1) AS files`,
            [alice.id],
          )
        ).rows[0]!.files,
      );
    const filesDeadline = Date.now() + WAIT_MS;
    while ((await filesLeft()) > 0 && Date.now() < filesDeadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await filesLeft()).toBe(0);
    // Statistics keep anonymous counts.
    expect((await read(bob, `/films/${filmId}/stats`).expect(200)).body).toMatchObject({
      checks: 1,
      favourites: 1,
      comments: 1,
    });
  });

  it('leaves no marker in the database dump, Redis, the logs or files, even after every projection is rebuilt', async () => {
    const leaks = async () => ({
      database: leaksIn(await pgDump()),
      redis: leaksIn(await redisText()),
      files: filesUnder(folder).flatMap((path) => leaksIn(readFileSync(path).toString('latin1'))),
    });
    expect(await leaks()).toEqual({ database: [], redis: [], files: [] });

    const admin = await registerUser(testApp.app, { roles: ['admin'] });
    await rebuildAll(admin);
    await request(testApp.app.getHttpServer()).get(`/api/v1/users/${alice.username}`).expect(404);
    expect(await leaks()).toEqual({ database: [], redis: [], files: [] });
    // The log file was written to: the proof read real lines, not an empty file.
    expect(statSync(logFile).size).toBeGreaterThan(0);
  });

  it('refuses the erased member on every route, pages included', async () => {
    await request(testApp.app.getHttpServer())
      .delete('/api/v1/me')
      .set('Authorization', bearer(alice))
      .send({ password: alice.password })
      .expect(401);
    const page = await request(testApp.app.getHttpServer())
      .get('/my/settings')
      .set('Cookie', `filmlog_session=${alice.token}`);
    expect(page.status).not.toBe(200);
  });

  it('lets a suspended member leave too: a suspension stops their writes, not their erasure', async () => {
    const moderator = await registerUser(testApp.app, { roles: ['moderator'] });
    const carol = await registerUser(testApp.app);
    await ok(moderator, 'post', `/moderation/members/${carol.username}/suspend`, { reason: 'spam' });
    const comment = await client.call(carol, 'post', `/films/${filmId}/comments`, { body: 'still here?' });
    expect(comment.status).toBe(403);
    await request(testApp.app.getHttpServer())
      .delete('/api/v1/me')
      .set('Authorization', bearer(carol))
      .send({ password: carol.password })
      .expect(202);
    await request(testApp.app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ login: carol.username, password: carol.password })
      .expect(401);
  });
});
