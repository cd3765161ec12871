import request from 'supertest';
import type { Projection } from '#projections';
import { expectReady } from './support/readiness.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const probeProjection: Projection = {
  name: 'operations_probe',
  version: 1,
  handles: ['ProbeHappened'],
  tables: [],
  apply: async () => undefined,
};

describe('operations endpoints (APP_ROLE=all)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ projections: [probeProjection] });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('GET /health answers that the process lives', async () => {
    const response = await http().get('/health').expect(200);

    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready is green when PostgreSQL, Redis, the event store and projections are', async () => {
    const body = await expectReady(testApp.app.getHttpServer());

    expect(body.status).toBe('ok');
    expect(body.checks).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      eventStore: { status: 'up' },
      projections: { status: 'up', projections: [expect.objectContaining({ name: 'operations_probe' })] },
    });
  });

  it('GET /health/ready is never cached', async () => {
    const response = await http().get('/health/ready');

    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves operations outside the /api/v1 prefix only', async () => {
    await http().get('/api/v1/health').expect(404);
    await http().get('/api/v1/metrics').expect(404);
  });

  it('GET /metrics is Prometheus text with request latency and projection gauges', async () => {
    await http().get('/health').expect(200);

    const response = await http().get('/metrics').expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('# TYPE filmlog_http_request_duration_seconds histogram');
    expect(response.text).toMatch(
      /filmlog_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect(response.text).toMatch(/filmlog_projection_lag_events\{projection="operations_probe"\} 0/);
    expect(response.text).toContain('# TYPE filmlog_projection_lag_seconds gauge');
    expect(response.text).toContain('# TYPE filmlog_commands_total counter');
    expect(response.text).toContain('# TYPE filmlog_events_appended_total counter');
    expect(response.text).toContain('process_cpu_user_seconds_total');
  });

  it('labels unknown paths with one route value, whatever the path', async () => {
    await http().get('/no/such/thing-1').expect(404);
    await http().get('/no/such/thing-2').expect(404);

    const response = await http().get('/metrics').expect(200);

    expect(response.text).not.toContain('thing-1');
    expect(response.text).toMatch(/route="unmatched",status="404"/);
  });

  it('serves the OpenAPI document with bearer auth declared, and its UI', async () => {
    const document = await http().get('/api/docs-json').expect(200);

    expect(document.body.openapi).toMatch(/^3\./);
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ui = await http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('tags each response with a request id, keeping a sane one the caller sent', async () => {
    const generated = await http().get('/health').expect(200);
    const kept = await http().get('/health').set('X-Request-Id', 'edge-7f3a').expect(200);

    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(kept.headers['x-request-id']).toBe('edge-7f3a');
  });
});

describe('a worker-only process (APP_ROLE=worker)', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ env: { APP_ROLE: 'worker' }, projections: [probeProjection] });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('still serves /health, /health/ready and /metrics', async () => {
    await http().get('/health').expect(200);
    await expectReady(testApp.app.getHttpServer());
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toContain('filmlog_projection_lag_events{projection="operations_probe"}');
  });

  it('serves no API documentation', async () => {
    await http().get('/api/docs-json').expect(404);
  });
});
