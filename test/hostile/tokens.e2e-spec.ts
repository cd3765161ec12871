import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { bearer, registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { ListClient } from '../support/list-client.js';
import { PROBLEM_JSON } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { forgedTokens, MALFORMED_AUTHORIZATION } from './support/forged-tokens.js';
import { IMPORT_FILE } from './support/fuzz-data.js';

const API = '/api/v1';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

interface Call {
  readonly method: Method;
  readonly path: string;
  readonly body?: object;
}

describe('tokens an attacker could send, and members acting on what is not theirs', () => {
  let testApp: TestApp;
  let lists: ListClient;
  let owner: TestUser;
  let other: TestUser;
  let moderator: TestUser;
  let owned: {
    comment: string;
    publicList: string;
    privateList: string;
    importId: string;
    film: string;
    film2: string;
  };

  const call = (authorization: string | undefined, { method, path, body }: Call) => {
    let pending = request(testApp.app.getHttpServer())[method](`${API}${path}`);
    if (authorization !== undefined) pending = pending.set('Authorization', authorization);
    return body === undefined ? pending : pending.send(body);
  };

  /** A refusal: the status, as problem+json carrying the same status. */
  const expectRefused = (response: request.Response, status: number, what: string): void => {
    expect([what, response.status]).toEqual([what, status]);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect((response.body as { status: number }).status).toBe(status);
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    lists = new ListClient(testApp.app);
    owner = await registerUser(testApp.app, { username: 'token_owner' });
    other = await registerUser(testApp.app, { username: 'token_other' });
    moderator = await registerUser(testApp.app, { username: 'token_moderator', roles: ['moderator'] });
    const [film, film2] = [await addFilm(testApp.app), await addFilm(testApp.app)];
    const comment = await lists.call(owner, 'post', `/films/${film.id}/comments`, { body: 'Mine.' });
    const publicList = await lists.create(owner, { title: 'Public', visibility: 'public' });
    const privateList = await lists.create(owner, { title: 'Private', visibility: 'private' });
    await lists.fill(owner, publicList, [film]);
    await lists.fill(owner, privateList, [film]);
    const started = await request(testApp.app.getHttpServer())
      .post(`${API}/imports`)
      .set('Authorization', bearer(owner))
      .attach('file', IMPORT_FILE, 'ratings.csv');
    expect([comment.status, started.status]).toEqual([201, 202]);
    owned = {
      comment: (comment.body as { id: string }).id,
      publicList,
      privateList,
      importId: (started.body as { importId: string }).importId,
      film: film.id,
      film2: film2.id,
    };
  });

  afterAll(async () => {
    await testApp?.close();
  });

  describe('a token that is not a valid access token of an existing member', () => {
    const routes = (): Call[] => [
      { method: 'get', path: '/films' },
      { method: 'get', path: `/lists/${owned.publicList}` },
      { method: 'get', path: '/me' },
      { method: 'get', path: '/feed' },
      { method: 'put', path: `/films/${owned.film}/check`, body: {} },
      { method: 'patch', path: `/comments/${owned.comment}`, body: { body: 'Forged.' } },
      { method: 'get', path: '/admin/projections' },
    ];

    it('is a 401 problem with a Bearer challenge on every kind of route, public reads included', async () => {
      const tokens = forgedTokens(testApp.config.jwtSecret, owner.token, owner, other);
      expect(Object.keys(tokens).length).toBeGreaterThan(20);
      for (const [name, token] of Object.entries(tokens)) {
        for (const route of routes()) {
          const response = await call(`Bearer ${token}`, route);
          expectRefused(response, 401, `${name}: ${route.method} ${route.path}`);
          expect(response.headers['www-authenticate']).toBe('Bearer');
        }
      }
    });

    it('is a 401 when the Authorization header is not a bearer token at all', async () => {
      for (const authorization of MALFORMED_AUTHORIZATION) {
        for (const route of routes()) {
          expectRefused(
            await call(authorization, route),
            401,
            `"${authorization}": ${route.method} ${route.path}`,
          );
        }
      }
    });

    it('the genuine token still works, so the refusals above are about the tokens', async () => {
      for (const route of routes().slice(0, 5)) {
        const response = await call(bearer(owner), route);
        expect([route.path, response.status]).toEqual([route.path, 200]);
      }
    });

    it('takes the scheme in any case, as HTTP says, but not a token with its case changed', async () => {
      for (const scheme of ['bearer', 'BEARER']) {
        const response = await call(`${scheme} ${owner.token}`, routes()[2]!);
        expect([scheme, response.status]).toEqual([scheme, 200]);
      }
      const flipped = owner.token.replace(/[a-z]/, (letter) => letter.toUpperCase());
      expectRefused(await call(`Bearer ${flipped}`, routes()[2]!), 401, 'token with one letter upper-cased');
    });

    it('roles come from the member record, not from claims: a well-signed token claiming admin is a member', async () => {
      const key = createSecretKey(Buffer.from(testApp.config.jwtSecret, 'utf8'));
      const claimsAdmin = jwt.sign({ sub: other.id, name: other.username, roles: ['admin'] }, key, {
        algorithm: 'HS256',
        expiresIn: 600,
      });

      expectRefused(
        await call(`Bearer ${claimsAdmin}`, { method: 'get', path: '/admin/projections' }),
        403,
        'admin',
      );
      const me = await call(`Bearer ${claimsAdmin}`, { method: 'get', path: '/me' });
      expect((me.body as { roles: string[] }).roles).toEqual(['member']);
    });

    it('the API issues no refresh token that could stand in for an access token (API.md Identity)', async () => {
      const login = await request(testApp.app.getHttpServer())
        .post(`${API}/auth/login`)
        .send({ login: owner.username, password: owner.password })
        .expect(200);

      expect(Object.keys(login.body as object).sort()).toEqual(['accessToken', 'user']);
    });
  });

  describe("another member's token on a member's things", () => {
    it("cannot change or delete the member's comment, list or list items: 403 where they may see it", async () => {
      const { comment, publicList, film, film2 } = owned;
      const refused: [Call, number][] = [
        [{ method: 'patch', path: `/comments/${comment}`, body: { body: 'Taken over.' } }, 403],
        [{ method: 'delete', path: `/comments/${comment}` }, 403],
        [{ method: 'patch', path: `/lists/${publicList}`, body: { title: 'Taken over' } }, 403],
        [{ method: 'delete', path: `/lists/${publicList}` }, 403],
        [{ method: 'put', path: `/lists/${publicList}/items/${film2}`, body: {} }, 403],
        [{ method: 'delete', path: `/lists/${publicList}/items/${film}` }, 403],
        [{ method: 'put', path: `/lists/${publicList}/edition`, body: { films: [film2] } }, 403],
      ];
      for (const [route, status] of refused) {
        expectRefused(await call(bearer(other), route), status, `${route.method} ${route.path}`);
      }
      // A moderator may delete a comment, but not put words in its author's mouth.
      expectRefused(
        await call(bearer(moderator), {
          method: 'patch',
          path: `/comments/${comment}`,
          body: { body: 'Edited.' },
        }),
        403,
        'moderator edit',
      );
    });

    it("cannot see, change or delete the member's private list, or see their import: 404, as if none existed", async () => {
      const { privateList, importId, film } = owned;
      const hidden: Call[] = [
        { method: 'get', path: `/lists/${privateList}` },
        { method: 'patch', path: `/lists/${privateList}`, body: { title: 'Found it' } },
        { method: 'delete', path: `/lists/${privateList}` },
        { method: 'put', path: `/lists/${privateList}/items/${film}`, body: {} },
        { method: 'delete', path: `/lists/${privateList}/items/${film}` },
        { method: 'get', path: `/imports/${importId}` },
      ];
      for (const route of hidden) {
        expectRefused(await call(bearer(other), route), 404, `${route.method} ${route.path}`);
      }
      const theirImports = await call(bearer(other), { method: 'get', path: '/imports' });
      const theirView = await call(bearer(other), { method: 'get', path: `/users/${owner.username}/lists` });
      expect(JSON.stringify(theirImports.body)).not.toContain(importId);
      expect(JSON.stringify(theirView.body)).not.toContain(privateList);
    });

    it('cannot moderate, suspend or grant itself a role: 403', async () => {
      const refused: Call[] = [
        { method: 'post', path: `/moderation/comments/${owned.comment}/hide`, body: { reason: 'Mine now' } },
        { method: 'post', path: `/moderation/members/${owner.username}/suspend`, body: { reason: 'Rival' } },
        { method: 'put', path: `/admin/users/${other.username}/roles/admin` },
        { method: 'put', path: `/admin/users/${other.username}/roles/moderator` },
        { method: 'post', path: '/admin/projections/members/rebuild' },
      ];
      for (const route of refused) {
        expectRefused(await call(bearer(other), route), 403, `${route.method} ${route.path}`);
      }
    });

    it("leaves the member's things as they were", async () => {
      const { comment, publicList, privateList, importId } = owned;
      const read = async (path: string) =>
        (await lists.call(owner, 'get', path)).body as Record<string, unknown>;

      expect((await read(`/comments/${comment}`)).body).toBe('Mine.');
      expect(await read(`/lists/${publicList}`)).toMatchObject({ title: 'Public', size: 1 });
      expect(await read(`/lists/${privateList}`)).toMatchObject({ title: 'Private', size: 1 });
      expect(await read(`/imports/${importId}`)).toMatchObject({ id: importId });
      expect(await read('/me')).toMatchObject({ roles: ['member'] });
      expect((await read(`/users/${other.username}`)).username).toBe(other.username);
    });
  });
});
