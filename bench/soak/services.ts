import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { RunningApp } from '../catalogue/search-load.js';
import { timed } from '../shared/bench-cli.js';
import { TOKEN_TTL_SECONDS } from '../social/members.js';

/** Signs the load's tokens here and in both processes. */
export const JWT_SECRET = randomBytes(32).toString('base64url');
export const AUTOHIDE_REPORTS = 3;

/** As deployed: the same settings for both, the role aside; comments unthrottled, the load posts many. */
const SERVICE_ENV = {
  JWT_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
  REDIS_KEY_PREFIX: `filmlog-soak-${randomBytes(4).toString('hex')}:`,
  MODERATION_AUTOHIDE_REPORTS: String(AUTOHIDE_REPORTS),
  COMMENT_RATE_LIMIT_PER_MINUTE: '0',
  // The database was migrated when it was made; two processes need not race to check it.
  MIGRATIONS_RUN: 'false',
};

export interface SoakServices {
  readonly api: RunningApp;
  readonly worker: RunningApp;
}

/**
 * An api process and a worker process on the soak's database, for `work`, and stopped after it
 * whatever happens. `startedAt` is a performance.now() taken just before they were launched.
 */
export async function withSoakServices<T>(
  url: string,
  work: (services: SoakServices, startedAt: number) => Promise<T>,
): Promise<T> {
  const startedAt = performance.now();
  const [worker, api] = await timed('start the worker and the api', () =>
    Promise.allSettled([
      RunningApp.start(url, { ...SERVICE_ENV, APP_ROLE: 'worker' }, '/health'),
      RunningApp.start(url, { ...SERVICE_ENV, APP_ROLE: 'api' }),
    ]),
  );
  try {
    if (worker.status === 'rejected') throw worker.reason;
    if (api.status === 'rejected') throw api.reason;
    return await work({ api: api.value, worker: worker.value }, startedAt);
  } finally {
    const started = [worker, api].flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
    await Promise.all(started.map((service) => service.stop()));
  }
}
