import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { progress } from '../shared/bench-cli.js';
import { openPool } from '../store/databases.js';
import { connectionCounts, PeriodicVacuum } from './database.js';
import { heapTrend, latencyTrend, memoryTrend, sumCounts, windowOf, type SoakWindow } from './figures.js';
import { SoakClient } from './http.js';
import { runOpenLoop, Tally } from './load.js';
import type { SoakMix } from './mix.js';
import { drainSeconds, heapUsedMiB, SoakMonitor } from './monitor.js';
import type { SoakOptions } from './options.js';
import { serverErrors, type LagFigures, type SoakFigures } from './report.js';
import type { SoakServices } from './services.js';

type PhaseFigures = Pick<
  SoakFigures,
  | 'load'
  | 'windows'
  | 'byKind'
  | 'statuses'
  | 'latency'
  | 'rss'
  | 'heap'
  | 'lag'
  | 'processesAlive'
  | 'vacuum'
  | 'failures'
>;

export interface SoakContext {
  readonly url: string;
  readonly services: SoakServices;
  /** To the api: the load goes through it, and the lag readings. */
  readonly client: SoakClient;
  readonly mix: SoakMix;
  readonly adminToken: string;
}

function lagFigures(monitor: SoakMonitor, drainedSeconds: number): LagFigures {
  const worst = monitor.lag.reduce<(typeof monitor.lag)[number] | null>(
    (max, sample) => (max === null || sample.seconds > max.seconds ? sample : max),
    null,
  );
  return {
    maxSeconds: worst?.seconds ?? Number.NaN,
    maxEvents: Math.max(0, ...monitor.lag.map((sample) => sample.events)),
    worstProjection: worst?.projection ?? null,
    deadLetters: Math.max(0, ...monitor.lag.map((sample) => sample.deadLetters)),
    notRunning: [...new Set(monitor.lag.flatMap((sample) => sample.notRunning))],
    samples: monitor.lag.length,
    readFailures: monitor.lagReadFailures,
    drainedSeconds,
  };
}

/** One line per window: what was answered in it, then both processes and the server at its end. */
class Windows {
  readonly windows: SoakWindow[] = [];
  readonly latencies: number[][] = [];

  constructor(
    private readonly tally: Tally,
    private readonly monitor: SoakMonitor,
    private readonly clients: { readonly api: SoakClient; readonly worker: SoakClient },
    private readonly database: pg.Pool,
  ) {}

  async close(endsAt: number, seconds: number): Promise<void> {
    const answered = this.tally.take();
    const from = this.windows.at(-1)?.endsAt ?? 0;
    const [api, worker, connections] = await Promise.all([
      heapUsedMiB(this.clients.api),
      heapUsedMiB(this.clients.worker),
      connectionCounts(this.database).catch(() => null),
    ]);
    const window = windowOf({
      endsAt,
      seconds,
      answered,
      rss: this.monitor.rss.findLast((sample) => sample.at <= endsAt + 0.5),
      heap: { api, worker },
      lag: this.monitor.lag.filter((sample) => sample.at > from && sample.at <= endsAt),
      connections,
    });
    this.windows.push(window);
    this.latencies.push(answered.latencies);
    progress(
      `  until ${window.endsAt.toFixed(0)} s: ${window.rps.toFixed(0)} req/s, p50 ${window.p50Ms} ms, ` +
        `p99 ${window.p99Ms} ms, RSS api ${window.apiMiB} MiB, worker ${window.workerMiB} MiB, ` +
        `lag ${window.lagSeconds} s`,
    );
  }
}

/** What the processes last wrote, when something went wrong that their logs may explain. */
function tellWhatWentWrong(services: SoakServices, fiveHundreds: number): void {
  for (const [name, service] of [
    ['api', services.api],
    ['worker', services.worker],
  ] as const) {
    if (!service.running) progress(`the ${name} process died; its last output:\n${service.recentOutput}`);
    else if (fiveHundreds > 0)
      progress(`${fiveHundreds} answers 5xx; the ${name}'s last output:\n${service.recentOutput}`);
  }
}

/**
 * The soak: the mix at `rps` for the whole duration, open-loop, with a line every window (answers,
 * latency, memory of both processes, connections, projection lag) and the trends over the whole run.
 */
export async function soak(
  context: SoakContext,
  rps: number,
  options: SoakOptions,
  vacuumEverySeconds: number,
): Promise<PhaseFigures> {
  const { services, client, adminToken } = context;
  const monitor = new SoakMonitor(client, adminToken, { api: services.api.pid, worker: services.worker.pid });
  const vacuum = new PeriodicVacuum(context.url, vacuumEverySeconds);
  const database = openPool(context.url, 1, 'filmlog-soak-monitor');
  const workerClient = new SoakClient(services.worker.baseUrl, options.requestTimeoutMs);
  const tally = new Tally();
  const windows = new Windows(tally, monitor, { api: client, worker: workerClient }, database);
  try {
    monitor.start(options.sampleSeconds);
    vacuum.start();
    const load = runOpenLoop(client, context.mix, tally, {
      rps,
      seconds: options.durationSeconds,
      maxInFlight: Math.max(1_000, rps * 10),
    });
    const count = Math.floor(options.durationSeconds / options.windowSeconds);
    for (let index = 1; index < count; index += 1) {
      await sleep(Math.max(0, index * options.windowSeconds - monitor.elapsed()) * 1_000);
      await windows.close(monitor.elapsed(), options.windowSeconds);
    }
    // The last window takes the answers still in flight when the load stopped.
    const loaded = await load;
    const lastFrom = windows.windows.at(-1)?.endsAt ?? 0;
    await windows.close(monitor.elapsed(), monitor.elapsed() - lastFrom);
    await monitor.stop();
    const vacuumed = await vacuum.stop();
    const statuses = sumCounts(windows.windows.map((window) => window.statuses));
    const processesAlive = { api: services.api.running, worker: services.worker.running };
    tellWhatWentWrong(services, serverErrors(statuses));
    const drained = processesAlive.api ? await drainSeconds(client, adminToken) : Number.POSITIVE_INFINITY;
    return {
      load: loaded,
      windows: windows.windows,
      byKind: tally.byKind(),
      statuses,
      latency: latencyTrend(windows.windows, windows.latencies),
      rss: {
        api: memoryTrend(monitor.rss, 'apiMiB', options.warmUpSeconds),
        worker: memoryTrend(monitor.rss, 'workerMiB', options.warmUpSeconds),
      },
      heap: {
        api: heapTrend(windows.windows, 'apiHeapMiB', options.warmUpSeconds),
        worker: heapTrend(windows.windows, 'workerHeapMiB', options.warmUpSeconds),
      },
      lag: lagFigures(monitor, drained),
      processesAlive,
      vacuum: vacuumed,
      failures: { ...client.failures },
    };
  } finally {
    await monitor.stop();
    await vacuum.stop();
    workerClient.close();
    await database.end();
  }
}
