import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import request from 'supertest';
import type { Projection } from '#projections';
import { expectReady } from './support/readiness.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { Public } from '../src/common/auth/index.js';

const probeProjection: Projection = {
  name: 'lifecycle_probe',
  version: 1,
  handles: ['ProbeHappened'],
  tables: [],
  apply: async () => undefined,
};

const SLOW_REQUEST_MS = 400;
/** An idle keep-alive socket would hold the server open for seconds (client and server timeouts are 4-5 s). */
const DRAINED_CLOSE_BOUND_MS = 2000;

@Public()
@Controller('slow')
class SlowController {
  @Get()
  async slow(): Promise<{ finished: true }> {
    await new Promise((resolve) => setTimeout(resolve, SLOW_REQUEST_MS));
    return { finished: true };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

describe('readiness with a dependency down', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('answers 503 problem+json naming the check that failed, and lists every check', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(503);

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      detail: 'Not ready: redis',
      checks: {
        postgres: { status: 'up' },
        redis: { status: 'down' },
        eventStore: { status: 'up' },
        projections: { status: 'up' },
      },
    });
  });

  it('stays alive for the liveness probe', async () => {
    await request(testApp.app.getHttpServer()).get('/health').expect(200);
  });
});

describe('an api-only process (APP_ROLE=api)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { APP_ROLE: 'api' }, projections: [probeProjection] });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('runs no projection engine, yet reports projection status from the database', async () => {
    const http = request(testApp.app.getHttpServer());
    const metrics = await http.get('/metrics').expect(200);
    const ready = await expectReady(testApp.app.getHttpServer());

    expect(metrics.text).not.toContain('filmlog_projection_lag_events');
    expect(ready.checks.projections.projections).toEqual([
      expect.objectContaining({ name: 'lifecycle_probe' }),
    ]);
  });

  it('serves the API documentation', async () => {
    await request(testApp.app.getHttpServer()).get('/api/docs-json').expect(200);
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish, then closes without waiting for keep-alive timeouts', async () => {
    const testApp = await startTestApp({ imports: [SlowModule], projections: [probeProjection] });
    try {
      await testApp.app.listen(0, '127.0.0.1');
      const { port } = testApp.app.getHttpServer().address() as AddressInfo;
      const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/slow`);
      await new Promise((resolve) => setTimeout(resolve, SLOW_REQUEST_MS / 4));

      const closeStarted = Date.now();
      const closing = testApp.app.close();
      const response = await inFlight;

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ finished: true });
      await closing;
      expect(Date.now() - closeStarted).toBeLessThan(DRAINED_CLOSE_BOUND_MS);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      await testApp.database.drop();
    }
  });
});
