import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { CommandRunner } from '#decider';
import { ProjectionMonitor } from '#projections';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { CurrentUser, type SignedInUser } from '../src/common/auth/index.js';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/environment.schema.js';
import { memberDecider } from '../src/modules/identity/domain/member.decider.js';
import { memberStream } from '../src/modules/identity/domain/member.events.js';
import { bearer, memberEvents, registerUser, uniqueUsername } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PROBLEM_JSON, fieldsOf } from './support/problems.js';

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

describe('identity over HTTP', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' },
      imports: [WriteProbeModule],
    });
  });

  afterAll(() => testApp.close());

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
      const events = await memberEvents(testApp.app, user.id);

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
          // Always a different first character: the same one would re-create the genuine token.
          sub: user.id.replace(/^./, (first) => (first === 'f' ? 'e' : 'f')),
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

  describe('suspension', () => {
    const MODERATOR = '00000000-0000-4000-8000-00000000000d';

    it('a suspended member can read but not write; reinstated, they write again', async () => {
      const user = await registerUser(testApp.app);
      await http().post('/api/v1/probe/write').set('Authorization', bearer(user)).expect(200);

      const runner = testApp.app.get(CommandRunner);
      const context = { actorId: null, correlationId: 'suspension-test', causationId: null };
      const suspended = await runner.run({
        decider: memberDecider,
        streamId: memberStream(user.id),
        command: {
          type: 'SuspendMember',
          reason: 'spam',
          until: null,
          byMemberId: MODERATOR,
          memberId: user.id,
        },
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
          byMemberId: MODERATOR,
          memberId: user.id,
        },
        context: { actorId: null, correlationId: 'lapsed', causationId: null },
      });
      await testApp.app.get(ProjectionMonitor).waitFor(['members'], lapsed.position!, 10_000);
      await http().post('/api/v1/probe/write').set('Authorization', bearer(user)).expect(200);
    });
  });
});
