import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { CommandRunner } from '#decider';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor } from '#projections';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { CurrentUser, type SignedInUser } from '../src/common/auth/index.js';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/environment.schema.js';
import { memberDecider, memberStream } from '../src/modules/identity/domain/member.decider.js';
import { bearer, registerUser, uniqueUsername } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A write route any signed-in member may use, to see the guard's suspension check. */
@Controller('probe')
class WriteProbeController {
  @Post('write')
  @HttpCode(200)
  write(@CurrentUser() user: SignedInUser): { by: string } {
    return { by: user.username };
  }
}

@Module({ controllers: [WriteProbeController] })
class WriteProbeModule {}

const PROBLEM_JSON = /^application\/problem\+json/;
const ADMIN = { username: 'Root_Admin', password: 'admin password 1' };

interface ProblemBody {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

const fieldsOf = (body: ProblemBody): string[] => (body.errors ?? []).map((error) => error.field).sort();

describe('identity over HTTP', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '0',
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
      },
      imports: [WriteProbeModule],
    });
  });

  afterAll(() => testApp.close());

  const signIn = async (login: string, password: string): Promise<string> =>
    (await http().post('/api/v1/auth/login').send({ login, password }).expect(200)).body
      .accessToken as string;

  /** Roles come from a projection; the admin made at start has no position to wait for, so ask until it shows. */
  const meEventually = async (token: string, until: (me: { roles: string[] }) => boolean) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
      if (until(response.body) || Date.now() > deadline) return response.body as { roles: string[] };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  describe('registration', () => {
    it('creates an account, answers a working token and a position, and /me shows it', async () => {
      const username = uniqueUsername('Penguin');
      const response = await http()
        .post('/api/v1/auth/register')
        .send({ username, email: `  ${username}@Example.ORG `, password: 'correct horse battery' })
        .expect(201);

      expect(response.body).toEqual({
        user: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), username },
        accessToken: expect.any(String),
        position: expect.any(String),
      });
      const me = await http()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${response.body.accessToken}`)
        .set('X-Consistent-With', response.body.position)
        .expect(200);
      expect(me.headers['x-consistency']).toBe('reached');
      expect(me.body).toEqual({
        id: response.body.user.id,
        username,
        email: `${username.toLowerCase()}@example.org`,
        roles: ['member'],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    });

    it('refuses a username taken in another case, and a taken email, with 409', async () => {
      const user = await registerUser(testApp.app);
      await http()
        .post('/api/v1/auth/register')
        .send({ username: user.username.toUpperCase(), email: 'other@example.org', password: 'long enough' })
        .expect(409)
        .expect('Content-Type', PROBLEM_JSON);
      const byEmail = await http()
        .post('/api/v1/auth/register')
        .send({ username: uniqueUsername(), email: user.email.toUpperCase(), password: 'long enough' })
        .expect(409);
      expect(byEmail.body.detail).toMatch(/email/);
    });

    it('names every bad field in a 400, and refuses unknown fields', async () => {
      const response = await http()
        .post('/api/v1/auth/register')
        .send({ username: 'no spaces!', email: 'not-an-email', password: 'short', admin: true })
        .expect(400)
        .expect('Content-Type', PROBLEM_JSON);
      expect(fieldsOf(response.body)).toEqual(['admin', 'email', 'password', 'username']);
    });

    it('keeps emails and passwords out of the events', async () => {
      const user = await registerUser(testApp.app);
      const store = testApp.app.get<EventStore>(EVENT_STORE);
      const events = [];
      for await (const event of store.readStream(memberStream(user.id))) events.push(event);

      expect(events.map((event) => event.type)).toEqual(['MemberRegistered']);
      const written = JSON.stringify(events.map((event) => [event.data, event.metadata]));
      expect(written).not.toContain(user.email);
      expect(written).not.toContain(user.password);
      expect(written).not.toContain(user.username);
    });
  });

  describe('sign-in', () => {
    it('accepts the username in any case, or the email', async () => {
      const user = await registerUser(testApp.app);
      for (const login of [user.username, user.username.toUpperCase(), user.email.toUpperCase()]) {
        const response = await http()
          .post('/api/v1/auth/login')
          .send({ login, password: user.password })
          .expect(200);
        expect(response.body.user).toEqual({ id: user.id, username: user.username });
      }
    });

    it('answers the same 401 for a wrong password and an unknown login', async () => {
      const user = await registerUser(testApp.app);
      const wrongPassword = await http()
        .post('/api/v1/auth/login')
        .send({ login: user.username, password: 'not the password' })
        .expect(401);
      const unknown = await http()
        .post('/api/v1/auth/login')
        .send({ login: 'nobody_here', password: 'not the password' })
        .expect(401);
      expect(unknown.body.detail).toBe(wrongPassword.body.detail);
    });

    it('names missing fields', async () => {
      const response = await http().post('/api/v1/auth/login').send({}).expect(400);
      expect(fieldsOf(response.body)).toEqual(['login', 'password']);
    });
  });

  describe('tokens', () => {
    it('401s /me without a token, with WWW-Authenticate', async () => {
      const response = await http().get('/api/v1/me').expect(401).expect('Content-Type', PROBLEM_JSON);
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it('refuses a tampered, an expired and a foreign token, even on public routes', async () => {
      const user = await registerUser(testApp.app);
      const [header, payload] = user.token.split('.');
      const forged = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
          sub: user.id.replace(/^./, 'f'),
        }),
      ).toString('base64url');
      const tampered = `${header}.${forged}.${user.token.split('.')[2]}`;
      const expired = jwt.sign(
        { sub: user.id, name: user.username, exp: Math.floor(Date.now() / 1000) - 60 },
        DEVELOPMENT_JWT_SECRET,
      );
      const foreign = jwt.sign(
        { sub: user.id, name: user.username },
        'another secret of at least thirty-two chars',
      );
      const unsigned = jwt.sign({ sub: user.id, name: user.username }, '', { algorithm: 'none' });

      for (const token of [tampered, expired, foreign, unsigned, 'garbage']) {
        await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
        await http().get('/health').set('Authorization', `Bearer ${token}`).expect(401);
      }
      await http().get('/api/v1/me').set('Authorization', user.token).expect(401);
      await http().get('/api/v1/me').set('Authorization', bearer(user)).expect(200);
    });

    it('refuses a malformed X-Consistent-With naming the header', async () => {
      const user = await registerUser(testApp.app);
      const response = await http()
        .get('/api/v1/me')
        .set('Authorization', bearer(user))
        .set('X-Consistent-With', 'not-a-position')
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['X-Consistent-With']);
    });
  });

  describe('roles', () => {
    let adminToken: string;
    let adminId: string;

    beforeAll(async () => {
      adminToken = await signIn(ADMIN.username.toLowerCase(), ADMIN.password);
      const me = await meEventually(adminToken, (body) => body.roles.includes('admin'));
      expect(me.roles).toEqual(['member', 'admin']);
      adminId = (me as unknown as { id: string }).id;
    });

    it('the start-up admin exists once however often the app starts', async () => {
      const again = await startTestApp({
        env: {
          AUTH_RATE_LIMIT_PER_MINUTE: '0',
          ADMIN_USERNAME: 'first_admin',
          ADMIN_PASSWORD: ADMIN.password,
        },
      });
      try {
        await again.app.close();
        const third = await startTestApp({
          env: { ADMIN_USERNAME: 'first_admin', ADMIN_PASSWORD: ADMIN.password },
        });
        await third.close();
      } finally {
        await again.database.drop();
      }
      const store = testApp.app.get<EventStore>(EVENT_STORE);
      const types = [];
      for await (const event of store.readStream(memberStream(adminId))) types.push(event.type);
      expect(types).toEqual(['MemberRegistered', 'RoleGranted']);
    });

    it('an admin grants and revokes a role; the events name the admin; /me follows', async () => {
      const user = await registerUser(testApp.app);
      const granted = await http()
        .put(`/api/v1/admin/users/${user.username.toUpperCase()}/roles/moderator`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(granted.body).toEqual({
        username: user.username,
        roles: ['member', 'moderator'],
        position: expect.any(String),
      });

      const me = await http()
        .get('/api/v1/me')
        .set('Authorization', bearer(user))
        .set('X-Consistent-With', granted.body.position)
        .expect(200);
      expect(me.body.roles).toEqual(['member', 'moderator']);

      const again = await http()
        .put(`/api/v1/admin/users/${user.username}/roles/moderator`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(again.body.roles).toEqual(['member', 'moderator']);

      const revoked = await http()
        .delete(`/api/v1/admin/users/${user.username}/roles/moderator`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(revoked.body.roles).toEqual(['member']);

      const store = testApp.app.get<EventStore>(EVENT_STORE);
      const events = [];
      for await (const event of store.readStream(memberStream(user.id))) events.push(event);
      expect(events.map((event) => [event.type, event.metadata.actorId])).toEqual([
        ['MemberRegistered', user.id],
        ['RoleGranted', adminId],
        ['RoleRevoked', adminId],
      ]);
    });

    it('only an admin may change roles; a moderator may not', async () => {
      const moderator = await registerUser(testApp.app, { roles: ['moderator'] });
      const target = await registerUser(testApp.app);
      for (const caller of [moderator, target]) {
        await http()
          .put(`/api/v1/admin/users/${target.username}/roles/admin`)
          .set('Authorization', bearer(caller))
          .expect(403)
          .expect('Content-Type', PROBLEM_JSON);
      }
      await http().put(`/api/v1/admin/users/${target.username}/roles/admin`).expect(401);
    });

    it('a revoked admin loses access at once, token unchanged', async () => {
      const other = await registerUser(testApp.app, { roles: ['admin'] });
      const target = await registerUser(testApp.app);
      await http()
        .put(`/api/v1/admin/users/${target.username}/roles/moderator`)
        .set('Authorization', bearer(other))
        .expect(200);
      const revoked = await http()
        .delete(`/api/v1/admin/users/${other.username}/roles/admin`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      await testApp.app.get(ProjectionMonitor).waitFor(['members'], revoked.body.position, 10_000);
      await http()
        .put(`/api/v1/admin/users/${target.username}/roles/moderator`)
        .set('Authorization', bearer(other))
        .expect(403);
    });

    it('answers 404 for an unknown member, 400 for a role that cannot be granted, 422 for revoking your own admin', async () => {
      await http()
        .put('/api/v1/admin/users/nobody_at_all/roles/moderator')
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(404);
      const badRole = await http()
        .put(`/api/v1/admin/users/${ADMIN.username}/roles/member`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(400);
      expect(fieldsOf(badRole.body)).toEqual(['role']);
      const own = await http()
        .delete(`/api/v1/admin/users/${ADMIN.username}/roles/admin`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(422);
      expect(own.body.code).toBe('cannot-revoke-own-admin');
    });
  });

  describe('suspension', () => {
    it('a suspended member can read but not write; reinstated, they write again', async () => {
      const user = await registerUser(testApp.app);
      await http().post('/api/v1/probe/write').set('Authorization', bearer(user)).expect(200);

      const runner = testApp.app.get(CommandRunner);
      const context = { actorId: null, correlationId: 'suspension-test', causationId: null };
      const suspended = await runner.run({
        decider: memberDecider,
        streamId: memberStream(user.id),
        command: { type: 'SuspendMember', reason: 'spam', until: null },
        context,
      });
      await testApp.app.get(ProjectionMonitor).waitFor(['members'], suspended.position!, 10_000);

      const refused = await http().post('/api/v1/probe/write').set('Authorization', bearer(user)).expect(403);
      expect(refused.body.detail).toMatch(/suspended/);
      await http().get('/api/v1/me').set('Authorization', bearer(user)).expect(200);

      const reinstated = await runner.run({
        decider: memberDecider,
        streamId: memberStream(user.id),
        command: { type: 'ReinstateMember' },
        context,
      });
      await testApp.app.get(ProjectionMonitor).waitFor(['members'], reinstated.position!, 10_000);
      await http().post('/api/v1/probe/write').set('Authorization', bearer(user)).expect(200);
    });

    it('a suspension with an end date in the past no longer applies', async () => {
      const user = await registerUser(testApp.app);
      const lapsed = await testApp.app.get(CommandRunner).run({
        decider: memberDecider,
        streamId: memberStream(user.id),
        command: {
          type: 'SuspendMember',
          reason: 'cool-off',
          until: new Date(Date.now() - 1000).toISOString(),
        },
        context: { actorId: null, correlationId: 'lapsed', causationId: null },
      });
      await testApp.app.get(ProjectionMonitor).waitFor(['members'], lapsed.position!, 10_000);
      await http().post('/api/v1/probe/write').set('Authorization', bearer(user)).expect(200);
    });
  });
});

describe('sign-in rate limit', () => {
  const LIMIT = 3;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    // Two api processes sharing one Redis namespace, as in production.
    const prefix = `rate-limit-${Date.now()}:`;
    const env = { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_KEY_PREFIX: prefix };
    [first, second] = await Promise.all([startTestApp({ env }), startTestApp({ env })]);
  });

  afterAll(() => Promise.all([first.close(), second.close()]));

  it('counts attempts across processes and answers 429 with Retry-After', async () => {
    const attempt = (app: TestApp) =>
      request(app.app.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ login: 'someone', password: 'guessing' });
    expect((await attempt(first)).status).toBe(401);
    expect((await attempt(second)).status).toBe(401);
    expect((await attempt(first)).status).toBe(401);

    const limited = await attempt(second);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM_JSON);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const registration = await request(first.app.getHttpServer())
      .post('/api/v1/auth/register')
      .send({ username: uniqueUsername(), email: 'limited@example.org', password: 'long enough' });
    expect(registration.status).toBe(429);
  });
});
