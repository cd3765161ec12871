import request from 'supertest';
import { AccessTokens } from '../src/modules/identity/auth/access-tokens.js';
import { bearer, registerUser, uniqueUsername, type TestUser } from './support/auth.js';
import { PROBLEM_JSON, fieldsOf } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const API = '/api/v1';

describe('account settings and signing out everywhere (e2e)', () => {
  let testApp: TestApp;
  /** A second API process on the same database: what one process ends, the other must refuse. */
  let secondApi: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    const env = { AUTH_RATE_LIMIT_PER_MINUTE: '0' };
    testApp = await startTestApp({ env });
    secondApi = await startTestApp({ env: { ...env, APP_ROLE: 'api' }, database: testApp.database });
  });

  afterAll(async () => {
    await secondApi?.close();
    await testApp?.close();
  });

  const change = (user: { token: string }, body: object) =>
    http().patch(`${API}/me`).set('Authorization', bearer(user)).send(body);
  const signIn = (login: string, password: string) =>
    http().post(`${API}/auth/login`).send({ login, password });
  const me = (token: string, server = testApp) =>
    request(server.app.getHttpServer()).get(`${API}/me`).set('Authorization', `Bearer ${token}`);

  it('changes the email: sign-in takes the new one, not the old, and no session ends', async () => {
    const user = await registerUser(testApp.app);
    const email = `${uniqueUsername('moved')}@Example.org`;
    const changed = await change(user, { currentPassword: user.password, email: ` ${email} ` }).expect(200);
    expect(changed.body).toEqual({
      id: user.id,
      username: user.username,
      email: email.toLowerCase(),
      roles: ['member'],
      createdAt: expect.any(String),
    });
    await signIn(email, user.password).expect(200);
    await signIn(user.email, user.password).expect(401);
    await me(user.token).expect(200);
  });

  it('changes the password: the old one fails, the new one works, and only the caller stays signed in', async () => {
    const user = await registerUser(testApp.app);
    const elsewhere = (await signIn(user.username, user.password).expect(200)).body.accessToken as string;
    const changed = await change(user, {
      currentPassword: user.password,
      password: 'a brand new secret',
    }).expect(200);
    expect(changed.body.accessToken).toEqual(expect.any(String));

    await signIn(user.username, user.password).expect(401);
    await signIn(user.username, 'a brand new secret').expect(200);
    await me(changed.body.accessToken).expect(200);
    await me(user.token).expect(401);
    await me(elsewhere).expect(401);
  });

  it('refuses a wrong current password with 403 and changes nothing', async () => {
    const user = await registerUser(testApp.app);
    const refused = await change(user, {
      currentPassword: 'not the password',
      email: `${uniqueUsername('never')}@example.org`,
      password: 'never to be used',
    }).expect(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(refused.body.detail).toMatch(/current password/);

    const profile = await me(user.token).expect(200);
    expect(profile.body.email).toBe(user.email);
    await signIn(user.username, user.password).expect(200);
    await signIn(user.username, 'never to be used').expect(401);
  });

  it('names each bad field in a 400 by the rules of registration, and needs the current password', async () => {
    const user = await registerUser(testApp.app);
    const bad = await change(user, { currentPassword: user.password, email: 'not-an-email@' }).expect(400);
    expect(bad.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(fieldsOf(bad.body)).toEqual(['email']);
    const both = await change(user, { email: 'nope', password: 'short' }).expect(400);
    expect(fieldsOf(both.body)).toEqual(['currentPassword', 'email', 'password']);
    const unknown = await change(user, { currentPassword: user.password, username: 'renamed' }).expect(400);
    expect(fieldsOf(unknown.body)).toEqual(['username']);
    expect((await me(user.token).expect(200)).body.email).toBe(user.email);
  });

  it('refuses an email another member has with 409, as registration does', async () => {
    const [user, other] = await Promise.all([registerUser(testApp.app), registerUser(testApp.app)]);
    const taken = await change(user, {
      currentPassword: user.password,
      email: other.email.toUpperCase(),
    }).expect(409);
    expect(taken.headers['content-type']).toMatch(PROBLEM_JSON);
    expect((await me(user.token).expect(200)).body.email).toBe(user.email);
  });

  it('signs out everywhere: every earlier token is 401 on the next request, in every process; a new sign-in works', async () => {
    const user = await registerUser(testApp.app);
    const other = (await signIn(user.username, user.password).expect(200)).body.accessToken as string;
    // Both processes have read the member's access, so each keeps it in memory.
    await me(user.token, secondApi).expect(200);
    await me(other, secondApi).expect(200);

    await http().post(`${API}/auth/sign-out-everywhere`).set('Authorization', bearer(user)).expect(204);

    const refused = await me(user.token).expect(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    await me(other, secondApi).expect(401);
    await me(user.token, secondApi).expect(401);
    await http()
      .put(`${API}/users/${user.username}/follow`)
      .set('Authorization', `Bearer ${other}`)
      .expect(401);

    const again = (await signIn(user.username, user.password).expect(200)).body.accessToken as string;
    await me(again).expect(200);
    await me(again, secondApi).expect(200);
  });

  it('renews a web session of the new generation with a token of that generation', async () => {
    const user = await registerUser(testApp.app);
    await http().post(`${API}/auth/sign-out-everywhere`).set('Authorization', bearer(user)).expect(204);
    // Issued in the member's generation now, and past half its life: the page renews it.
    const ageing = await new AccessTokens(testApp.config.jwtSecret, 120).issue(user, 1);
    const page = await http().get('/').set('Cookie', `filmlog_session=${ageing}`).expect(200);
    const renewed = /filmlog_session=([^;]+)/.exec(
      ((page.headers['set-cookie'] as unknown as string[] | undefined) ?? []).join('\n'),
    )?.[1];
    expect(renewed).toBeDefined();
    await me(renewed!).expect(200);
    // A session from before the sign-out is not renewed but ended: the page is a visitor's.
    const stale = await new AccessTokens(testApp.config.jwtSecret, 120).issue(user, 0);
    const visitor = await http().get('/').set('Cookie', `filmlog_session=${stale}`).expect(200);
    expect(visitor.headers['set-cookie']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^filmlog_session=;/)]),
    );
  });

  describe('a suspended member', () => {
    let suspended: TestUser;

    beforeAll(async () => {
      const moderator = await registerUser(testApp.app, { roles: ['moderator'] });
      suspended = await registerUser(testApp.app);
      await http()
        .post(`${API}/moderation/members/${suspended.username}/suspend`)
        .set('Authorization', bearer(moderator))
        .send({ reason: 'spam' })
        .expect(200);
    });

    it('reads but does not write: no change of account, no signing out everywhere', async () => {
      const refused = await change(suspended, {
        currentPassword: suspended.password,
        email: `${uniqueUsername('escape')}@example.org`,
      }).expect(403);
      expect(refused.body.detail).toMatch(/suspended/);
      await http()
        .post(`${API}/auth/sign-out-everywhere`)
        .set('Authorization', bearer(suspended))
        .expect(403);
      expect((await me(suspended.token).expect(200)).body.email).toBe(suspended.email);
    });

    it('is still suspended with a token from a new sign-in', async () => {
      const token = (await signIn(suspended.username, suspended.password).expect(200)).body
        .accessToken as string;
      const refused = await http()
        .put(`${API}/users/${suspended.username}/follow`)
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
      expect(refused.body.detail).toMatch(/suspended/);
    });
  });
});
