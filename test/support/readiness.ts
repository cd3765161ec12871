import type { Server } from 'node:http';
import request from 'supertest';
import type { Readiness } from '../../src/platform/health/readiness.service.js';

export interface ReadyBody {
  /** 'degraded' when events were parked as dead letters: it serves, with those keys off. */
  readonly status: 'ok' | 'degraded';
  readonly checks: Readiness['checks'];
}

/** Like an orchestrator's probe, it asks again: a check can miss its 2 s bound on a machine busy with other suites. */
const READY_WITHIN_MS = 10_000;
const RETRY_AFTER_MS = 250;

/** GET /health/ready's body once it is 200; a failure shows the last body, so it says which check was down. */
export async function expectReady(server: Server): Promise<ReadyBody> {
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    const response = await request(server).get('/health/ready');
    if (response.status === 200) return response.body as ReadyBody;
    if (Date.now() > deadline) {
      throw new Error(`/health/ready answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
  }
}
