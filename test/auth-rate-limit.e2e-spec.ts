import request from 'supertest';
import { uniqueUsername } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PROBLEM_JSON } from './support/problems.js';

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
