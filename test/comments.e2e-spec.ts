import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor } from '#projections';
import { testEvent } from '#testing';
import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { commentStream } from '../src/modules/comments/domain/comment.events.js';
import { memberStream } from '../src/modules/identity/domain/member.events.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import type { Page } from './support/member-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface CommentItem {
  id: string;
  author: { id: string; username: string };
  body: string;
  createdAt: string;
  editedAt?: string;
  hidden?: true;
  film?: { id: string; slug: string; title: string };
}

const API = '/api/v1';
const UNKNOWN_ID = '5f1f0c8e-3b9a-4c53-8a3e-0d6a4c1b9e77';

describe('comments (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let store: EventStore;
  /** The latest position any write answered: reads wait for it. */
  let newest: string;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '0', COMMENT_RATE_LIMIT_PER_MINUTE: '0' },
    });
    server = testApp.app.getHttpServer();
    store = testApp.app.get<EventStore>(EVENT_STORE);
    newest = store.origin;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const noted = (response: request.Response): request.Response => {
    const position = (response.body as { position?: unknown }).position;
    if (typeof position === 'string' && store.comparePositions(position, newest) > 0) newest = position;
    return response;
  };

  const post = async (user: TestUser, film: Film | string, body: unknown, key?: string) => {
    const call = request(server)
      .post(`${API}/films/${typeof film === 'string' ? film : film.id}/comments`)
      .set('Authorization', bearer(user));
    return noted(await (key === undefined ? call : call.set('Idempotency-Key', key)).send(body as object));
  };

  /** Posts and answers the new comment's id. */
  const comment = async (user: TestUser, film: Film, body = 'A fine film.'): Promise<string> => {
    const response = await post(user, film, { body });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  };

  const write = async (
    user: TestUser,
    method: 'patch' | 'delete' | 'post',
    path: string,
    body?: object,
  ): Promise<request.Response> => {
    const call = request(server)[method](`${API}${path}`).set('Authorization', bearer(user));
    return noted(await (body ? call.send(body) : call));
  };

  /** A read that includes every write made so far. */
  const read = async (path: string, reader?: TestUser, query: Record<string, string | number> = {}) => {
    const call = request(server).get(`${API}${path}`).query(query).set('X-Consistent-With', newest);
    const response = await (reader ? call.set('Authorization', bearer(reader)) : call);
    if (response.status === 200) expect(response.headers['x-consistency']).toBe('reached');
    return response;
  };

  const listOf = async (film: Film, reader?: TestUser, query: Record<string, string | number> = {}) => {
    const response = await read(`/films/${film.slug}/comments`, reader, query);
    expect(response.status).toBe(200);
    return response.body as Page<CommentItem>;
  };

  const eventsOf = async (commentId: string): Promise<string[]> => {
    const types: string[] = [];
    for await (const event of store.readStream(commentStream(commentId))) types.push(event.type);
    return types;
  };

  const expectProblem = (response: request.Response, status: number, fields?: string[]) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    if (fields) expect(fieldsOf(response.body as ProblemBody)).toEqual(fields);
  };

  /** Hides a comment as a moderator's decision would, straight through the store. */
  const hideDirectly = async (commentId: string) => {
    const { position } = await store.append(commentStream(commentId), [
      testEvent('CommentHidden', { moderatorId: UNKNOWN_ID, reason: 'test' }),
    ]);
    newest = position;
  };

  describe('posting', () => {
    it('answers 201 with the id and a position, and keeps the body trimmed', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      const response = await post(author, film, { body: '  \n Loved the ending.\t ' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: expect.any(String), position: expect.any(String) });

      const page = await listOf(film);
      expect(page).toEqual({
        items: [
          {
            id: response.body.id,
            author: { id: author.id, username: author.username },
            body: 'Loved the ending.',
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
    });

    it('takes 1 and 5,000 characters (code points), by slug too', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      expect((await post(author, film.slug, { body: 'x' })).status).toBe(201);
      const longest = '🎬'.repeat(5000);
      expect((await post(author, film, { body: longest })).status).toBe(201);
      expect((await listOf(film)).items.map((item) => item.body)).toEqual(['x', longest]);
    });

    it.each([
      ['empty', { body: '' }],
      ['whitespace only', { body: ' \n\t ' }],
      ['5,001 characters', { body: 'x'.repeat(5001) }],
      ['a NUL', { body: 'nul \u0000 inside' }],
      ['a number', { body: 42 }],
      ['missing', {}],
    ])('refuses a body that is %s with a 400 naming body, writing nothing', async (_, body) => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      expectProblem(await post(author, film, body), 400, ['body']);
      expect((await listOf(film)).items).toEqual([]);
    });

    it('refuses unknown fields with a 400 naming them', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      expectProblem(await post(author, film, { body: 'ok', filmId: film.id }), 400, ['filmId']);
    });

    it('needs a token, and a film that exists', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      expectProblem(await request(server).post(`${API}/films/${film.id}/comments`).send({ body: 'hi' }), 401);
      expectProblem(await post(author, 'no-such-film-anywhere', { body: 'hi' }), 404);
    });

    it('returns the body verbatim as plain text in JSON', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      const body = '<script>alert("x")</script> & <b>bold</b>';
      const id = await comment(author, film, body);
      const response = await read(`/comments/${id}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.body).toBe(body);
      expect(response.body.film).toEqual({ id: film.id, slug: film.slug, title: film.title });
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the same comment and writes nothing new', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      const first = await post(author, film, { body: 'Once only.' }, 'retry-1');
      const again = await post(author, film, { body: ' Once only. ' }, 'retry-1');
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await eventsOf(first.body.id)).toEqual(['CommentPosted']);
      expect((await listOf(film)).items.map((item) => item.id)).toEqual([first.body.id]);
    });

    it('refuses the same key with another body (422 idempotency-key-reused)', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      expect((await post(author, film, { body: 'First.' }, 'key-2')).status).toBe(201);
      const reused = await post(author, film, { body: 'Second.' }, 'key-2');
      expectProblem(reused, 422);
      expect(reused.body.code).toBe('idempotency-key-reused');
      expect((await listOf(film)).items.map((item) => item.body)).toEqual(['First.']);
    });

    it('keeps two members’ keys apart', async () => {
      const [ana, ben, film] = [
        await registerUser(testApp.app),
        await registerUser(testApp.app),
        await addFilm(testApp.app),
      ];
      const [a, b] = [
        await post(ana, film, { body: 'Same.' }, 'shared'),
        await post(ben, film, { body: 'Same.' }, 'shared'),
      ];
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).not.toBe(b.body.id);
      expect((await listOf(film)).items).toHaveLength(2);
    });

    it('refuses a malformed key with a 400 naming the header', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      for (const key of ['x'.repeat(256), 'has space', 'tab\tkey', 'é'])
        expectProblem(await post(author, film, { body: 'hi' }, key), 400, ['Idempotency-Key']);
      expect((await listOf(film)).items).toEqual([]);
    });
  });

  describe('listing', () => {
    it('pages oldest first with limit and cursor; a bad cursor is a 400', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      const ids: string[] = [];
      for (const body of ['one', 'two', 'three', 'four', 'five']) ids.push(await comment(author, film, body));

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<CommentItem> = await listOf(
          film,
          undefined,
          cursor ? { limit: 2, cursor } : { limit: 2 },
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);

      expectProblem(await read(`/films/${film.id}/comments`, undefined, { cursor: 'nope' }), 400, ['cursor']);
      expectProblem(await read(`/films/no-such-film-anywhere/comments`), 404);
    });
  });

  describe('editing and deleting', () => {
    it('lets the author edit (editedAt appears); others get 403, unknown and malformed ids 404', async () => {
      const [author, other, film] = [
        await registerUser(testApp.app),
        await registerUser(testApp.app),
        await addFilm(testApp.app),
      ];
      const id = await comment(author, film, 'Before.');
      expect((await read(`/comments/${id}`)).body.editedAt).toBeUndefined();

      const edited = await write(author, 'patch', `/comments/${id}`, { body: ' After. ' });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual({ id, position: expect.any(String) });
      const shown = (await read(`/comments/${id}`)).body as CommentItem;
      expect(shown.body).toBe('After.');
      expect(Date.parse(shown.editedAt!)).toBeGreaterThanOrEqual(Date.parse(shown.createdAt));

      expectProblem(await write(other, 'patch', `/comments/${id}`, { body: 'Mine now.' }), 403);
      expectProblem(await write(author, 'patch', `/comments/${id}`, { body: '' }), 400, ['body']);
      expectProblem(await write(author, 'patch', `/comments/${UNKNOWN_ID}`, { body: 'x' }), 404);
      expectProblem(await write(author, 'patch', `/comments/not-a-uuid`, { body: 'x' }), 404);
      expectProblem(await read(`/comments/not-a-uuid`), 404);
      expect((await read(`/comments/${id}`)).body.body).toBe('After.');
    });

    it('lets the author or a moderator delete; other members get 403', async () => {
      const [author, other, film] = [
        await registerUser(testApp.app),
        await registerUser(testApp.app),
        await addFilm(testApp.app),
      ];
      const moderator = await registerUser(testApp.app, { roles: ['moderator'] });
      const [mine, theirs] = [await comment(author, film, 'mine'), await comment(author, film, 'theirs')];

      expectProblem(await write(other, 'delete', `/comments/${mine}`), 403);
      const deleted = await write(author, 'delete', `/comments/${mine}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ id: mine, deleted: true, position: expect.any(String) });
      const byModerator = await write(moderator, 'delete', `/comments/${theirs}`);
      expect(byModerator.status).toBe(200);

      expectProblem(await read(`/comments/${mine}`), 404);
      expect((await listOf(film)).items).toEqual([]);
      expectProblem(await write(author, 'delete', `/comments/${mine}`), 404);
      expect(await eventsOf(theirs)).toEqual(['CommentPosted', 'CommentDeleted']);
    });
  });

  describe('reports', () => {
    it('accepts a report (202) once per member; a second writes nothing', async () => {
      const [author, reporter, film] = [
        await registerUser(testApp.app),
        await registerUser(testApp.app),
        await addFilm(testApp.app),
      ];
      const id = await comment(author, film);
      const first = await write(reporter, 'post', `/comments/${id}/reports`, {
        reason: 'spoiler',
        note: 'the ending',
      });
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ position: expect.any(String) });
      const second = await write(reporter, 'post', `/comments/${id}/reports`, { reason: 'spam' });
      expect(second.status).toBe(202);
      expect(await eventsOf(id)).toEqual(['CommentPosted', 'CommentReported']);
    });

    it('refuses a bad reason or note (400 naming them), your own comment (422), a deleted one (404)', async () => {
      const [author, reporter, film] = [
        await registerUser(testApp.app),
        await registerUser(testApp.app),
        await addFilm(testApp.app),
      ];
      const id = await comment(author, film);
      expectProblem(await write(reporter, 'post', `/comments/${id}/reports`, { reason: 'boring' }), 400, [
        'reason',
      ]);
      expectProblem(await write(reporter, 'post', `/comments/${id}/reports`, {}), 400, ['reason']);
      expectProblem(
        await write(reporter, 'post', `/comments/${id}/reports`, { reason: 'other', note: 'x'.repeat(1001) }),
        400,
        ['note'],
      );
      const own = await write(author, 'post', `/comments/${id}/reports`, { reason: 'spam' });
      expectProblem(own, 422);
      expect(own.body.code).toBe('cannot-report-own-comment');

      expect((await write(author, 'delete', `/comments/${id}`)).status).toBe(200);
      expectProblem(await write(reporter, 'post', `/comments/${id}/reports`, { reason: 'spam' }), 404);
      expectProblem(
        await write(reporter, 'post', `/comments/${UNKNOWN_ID}/reports`, { reason: 'spam' }),
        404,
      );
      expect(await eventsOf(id)).toEqual(['CommentPosted', 'CommentDeleted']);
    });
  });

  describe('hidden comments', () => {
    it('are seen (hidden: true) by their author and moderators only; others get 404 and no entry', async () => {
      const [author, other, film] = [
        await registerUser(testApp.app),
        await registerUser(testApp.app),
        await addFilm(testApp.app),
      ];
      const moderator = await registerUser(testApp.app, { roles: ['moderator'] });
      const [shown, hidden] = [await comment(author, film, 'shown'), await comment(author, film, 'hidden')];
      await hideDirectly(hidden);

      for (const reader of [undefined, other]) {
        expect((await listOf(film, reader)).items.map((item) => item.id)).toEqual([shown]);
        expectProblem(await read(`/comments/${hidden}`, reader), 404);
      }
      for (const reader of [author, moderator]) {
        const items = (await listOf(film, reader)).items;
        expect(items.map((item) => [item.id, item.hidden])).toEqual([
          [shown, undefined],
          [hidden, true],
        ]);
        expect((await read(`/comments/${hidden}`, reader)).body.hidden).toBe(true);
      }
      // Others cannot act on what they cannot see.
      expectProblem(await write(other, 'post', `/comments/${hidden}/reports`, { reason: 'spam' }), 404);
      expectProblem(await write(other, 'delete', `/comments/${hidden}`), 404);
    });
  });

  describe('counts and activity', () => {
    const statsOf = async (film: Film) => (await read(`/films/${film.id}/stats`)).body.comments as number;
    const profileOf = async (user: TestUser) =>
      (await read(`/users/${user.username}`)).body.counts.comments as number;

    it('film stats and the author’s profile count visible comments', async () => {
      const [author, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      expect([await statsOf(film), await profileOf(author)]).toEqual([0, 0]);
      const [first, second, third] = [
        await comment(author, film),
        await comment(author, film),
        await comment(author, film),
      ];
      expect([await statsOf(film), await profileOf(author)]).toEqual([3, 3]);
      await write(author, 'delete', `/comments/${first}`);
      await hideDirectly(second);
      expect([await statsOf(film), await profileOf(author)]).toEqual([1, 1]);
      expect(third).toEqual(expect.any(String));
    });

    it('shows "commented" in the film’s activity and followers’ feeds until deleted', async () => {
      const [author, follower, film] = [
        await registerUser(testApp.app),
        await registerUser(testApp.app),
        await addFilm(testApp.app),
      ];
      noted(
        await request(server)
          .put(`${API}/users/${author.username}/follow`)
          .set('Authorization', bearer(follower))
          .expect(200),
      );
      const id = await comment(author, film);

      const activity = (await read(`/films/${film.id}/activity`)).body as Page<{
        actor: { id: string };
        verb: string;
      }>;
      expect(activity.items.map((item) => [item.actor.id, item.verb])).toEqual([[author.id, 'commented']]);
      const feed = (await read('/feed', follower)).body as Page<{ verb: string; film: { id: string } }>;
      expect(feed.items.map((item) => [item.verb, item.film.id])).toEqual([['commented', film.id]]);

      await write(author, 'delete', `/comments/${id}`);
      expect((await read(`/films/${film.id}/activity`)).body.items).toEqual([]);
      expect((await read('/feed', follower)).body.items).toEqual([]);
    });
  });

  describe('suspended members', () => {
    it('get a 403 on posting, and can still read', async () => {
      const [member, film] = [await registerUser(testApp.app), await addFilm(testApp.app)];
      const { position } = await store.append(memberStream(member.id), [
        testEvent('MemberSuspended', { reason: 'spam', until: null }),
      ]);
      expect(await testApp.app.get(ProjectionMonitor).waitFor(['members'], position, 10_000)).toBe(true);
      expectProblem(await post(member, film, { body: 'Let me in.' }), 403);
      expect((await listOf(film, member)).items).toEqual([]);
    });
  });
});

describe('comment rate limit (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '0',
        COMMENT_RATE_LIMIT_PER_MINUTE: '3',
        REDIS_KEY_PREFIX: `comment-rate-${Date.now()}:`,
      },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers the 4th post in a minute with 429 and Retry-After, per member', async () => {
    const [author, other, film] = [
      await registerUser(testApp.app),
      await registerUser(testApp.app),
      await addFilm(testApp.app),
    ];
    const post = (user: TestUser) =>
      request(testApp.app.getHttpServer())
        .post(`${API}/films/${film.id}/comments`)
        .set('Authorization', bearer(user))
        .send({ body: 'again' });
    for (let attempt = 1; attempt <= 3; attempt += 1) expect((await post(author)).status).toBe(201);
    const limited = await post(author);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM_JSON);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await post(other)).status).toBe(201);
  });
});
