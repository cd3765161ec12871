import type pg from 'pg';
import request from 'supertest';
import { READ_MODEL_POOL } from '../src/platform/database/database.module.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('admin: projections', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let member: TestUser;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await registerUser(testApp.app, { roles: ['admin'] });
    member = await registerUser(testApp.app);
  });

  afterAll(() => testApp.close());

  it('lists every projection with its lag and status', async () => {
    const response = await http()
      .get('/api/v1/admin/projections')
      .set('Authorization', bearer(admin))
      .expect(200);
    const members = (response.body as { name: string }[]).find((projection) => projection.name === 'members');
    expect(members).toEqual({
      name: 'members',
      version: 1,
      checkpoint: expect.any(String),
      lagEvents: expect.any(Number),
      lagSeconds: expect.any(Number),
      deadLetters: 0,
      status: expect.stringMatching(/^(running|rebuilding)$/),
    });
  });

  it('rebuilds on request and serves the same roles afterwards', async () => {
    await http()
      .post('/api/v1/admin/projections/members/rebuild')
      .set('Authorization', bearer(admin))
      .expect(202, {
        name: 'members',
        status: 'requested',
      });
    const deadline = Date.now() + 15_000;
    let requested = true;
    while (requested && Date.now() < deadline) {
      const { rows } = await testApp.app
        .get<pg.Pool>(READ_MODEL_POOL)
        .query<{ busy: boolean }>(
          `SELECT rebuild_requested_at IS NOT NULL OR rebuild_version IS NOT NULL AS busy FROM projection_checkpoints WHERE projection = 'members'`,
        );
      requested = rows[0]?.busy === true;
      if (requested) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(requested).toBe(false);
    const me = await http().get('/api/v1/me').set('Authorization', bearer(admin)).expect(200);
    expect(me.body.roles).toEqual(['member', 'admin']);
  });

  it('404s an unknown projection; refuses members and anonymous callers', async () => {
    await http()
      .post('/api/v1/admin/projections/nothing/rebuild')
      .set('Authorization', bearer(admin))
      .expect(404);
    await http().get('/api/v1/admin/projections').set('Authorization', bearer(member)).expect(403);
    await http().get('/api/v1/admin/projections').expect(401);
  });
});
