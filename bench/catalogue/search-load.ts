import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort } from '#testing';
import { timed } from '../shared/bench-cli.js';
import type { QueryKind, SearchQuery } from './search-queries.js';

/** The built service; BENCH_SERVICE_MAIN runs another build instead (to compare two versions on one machine). */
const MAIN = process.env.BENCH_SERVICE_MAIN ?? fileURLToPath(new URL('../../src/main.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export interface SearchLoadFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statusCodes: Readonly<Record<string, number>>;
}

export interface QueryTiming {
  readonly kind: QueryKind;
  readonly path: string;
  readonly ms: number;
}

export interface SearchFigures {
  readonly load: SearchLoadFigures;
  /** Each query alone, one after the other, after the load: where the time goes. */
  readonly byKind: Readonly<
    Record<string, { readonly queries: number; readonly medianMs: number; readonly maxMs: number }>
  >;
  readonly slowest: readonly QueryTiming[];
}

/**
 * The real service (`node dist/src/main.js`), api role unless `env` says otherwise, on the bench
 * database; serving once `readyPath` answers 200 (a worker serves only /health and /metrics).
 */
export class RunningApp {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-10_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** False once the process has ended: a crash during a load shows here, not only as refused connections. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it wrote, to say why it stopped. */
  get recentOutput(): string {
    return this.output;
  }

  /** The service's process id, to read its memory from /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(
    databaseUrl: string,
    env: Readonly<Record<string, string>> = {},
    readyPath = '/api/v1/films?limit=1',
    nodeArguments: readonly string[] = [],
  ): Promise<RunningApp> {
    const port = await freePort();
    const child = spawn(process.execPath, [...nodeArguments, MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        APP_ROLE: 'api',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new RunningApp(child, `http://127.0.0.1:${port}`);
    await app.waitUntilServing(readyPath);
    return app;
  }

  private async waitUntilServing(readyPath: string): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline && this.child.exitCode === null) {
      const response = await fetch(`${this.baseUrl}${readyPath}`).catch(() => null);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await this.stop();
    throw new Error(`the service did not serve GET ${readyPath}:\n${this.output}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}

/** Every connection takes the next query of the list, so they do not march through it in step. */
async function drive(app: RunningApp, queries: readonly SearchQuery[], connections: number, seconds: number) {
  let next = 0;
  return autocannon({
    url: app.baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: queries[next++ % queries.length]!.path }),
      },
    ],
  });
}

async function timeEachQuery(app: RunningApp, queries: readonly SearchQuery[]): Promise<QueryTiming[]> {
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    const begin = performance.now();
    const response = await fetch(`${app.baseUrl}${query.path}`);
    await response.arrayBuffer();
    timings.push({ ...query, ms: Math.round((performance.now() - begin) * 100) / 100 });
  }
  return timings;
}

function byKind(timings: readonly QueryTiming[]): SearchFigures['byKind'] {
  const groups = new Map<string, number[]>();
  for (const timing of timings) groups.set(timing.kind, [...(groups.get(timing.kind) ?? []), timing.ms]);
  return Object.fromEntries(
    [...groups].map(([kind, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return [
        kind,
        { queries: sorted.length, medianMs: sorted[Math.floor(sorted.length / 2)]!, maxMs: sorted.at(-1)! },
      ];
    }),
  );
}

export async function measureSearch(
  app: RunningApp,
  queries: readonly SearchQuery[],
  options: { readonly connections: number; readonly warmUpSeconds: number; readonly searchSeconds: number },
): Promise<SearchFigures> {
  await drive(app, queries, options.connections, options.warmUpSeconds);
  const result = await drive(app, queries, options.connections, options.searchSeconds);
  const timings = await timeEachQuery(app, queries);
  return {
    load: {
      connections: options.connections,
      seconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.total / result.duration),
      p50Ms: result.latency.p50,
      p90Ms: result.latency.p90,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
      ),
    },
    byKind: byKind(timings),
    slowest: [...timings].sort((a, b) => b.ms - a.ms).slice(0, 8),
  };
}

/** The service started for `work` and stopped after it, whatever happens. */
export async function withRunningApp<T>(
  databaseUrl: string,
  env: Readonly<Record<string, string>>,
  work: (app: RunningApp) => Promise<T>,
  nodeArguments: readonly string[] = [],
): Promise<T> {
  const app = await timed('start the service', () =>
    RunningApp.start(databaseUrl, env, undefined, nodeArguments),
  );
  try {
    return await work(app);
  } finally {
    await app.stop();
  }
}
