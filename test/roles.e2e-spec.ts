import { ProjectionMonitor } from '#projections';
import type pg from 'pg';
import request from 'supertest';
import { READ_MODEL_POOL } from '../src/platform/database/database.module.js';
import { bearer, memberEvents, registerUser } from './support/auth.js';
import { PROBLEM_JSON, fieldsOf } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ADMIN = { username: 'Root_Admin', password: 'admin password 1' };
const ADMIN_ENV = {
  AUTH_RATE_LIMIT_PER_MINUTE: '0',
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
};

describe('roles', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  let adminToken: string;
  let adminId: string;

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

  beforeAll(async () => {
    testApp = await startTestApp({ env: ADMIN_ENV });
    adminToken = await signIn(ADMIN.username.toLowerCase(), ADMIN.password);
    const me = await meEventually(adminToken, (body) => body.roles.includes('admin'));
    expect(me.roles).toEqual(['member', 'admin']);
    adminId = (me as unknown as { id: string }).id;
  });

  afterAll(() => testApp.close());

  it('the start-up admin exists once however often the app starts', async () => {
    // Two more processes on the same database, starting together, as replicas would.
    const others = await Promise.all(
      [1, 2].map(() => startTestApp({ env: ADMIN_ENV, database: testApp.database, projections: [] })),
    );
    await Promise.all(others.map((other) => other.close()));

    const events = await memberEvents(testApp.app, adminId);
    expect(events.map((event) => event.type)).toEqual(['MemberRegistered', 'RoleGranted']);
    const accounts = await testApp.app
      .get<pg.Pool>(READ_MODEL_POOL)
      .query(`SELECT id FROM accounts WHERE username_key = lower($1)`, [ADMIN.username]);
    expect(accounts.rows).toEqual([{ id: adminId }]);
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

    const events = await memberEvents(testApp.app, user.id);
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
