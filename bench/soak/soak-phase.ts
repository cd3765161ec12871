import { setTimeout as sleep } from 'node:timers/promises';
import { progress } from '../shared/bench-cli.js';
import { heapTrend, latencyTrend, memoryTrend, sumCounts, windowOf, type SoakWindow } from './figures.js';
import { SoakClient } from './http.js';
import { runOpenLoop, Tally } from './load.js';
import type { SoakMix } from './mix.js';
import { drainSeconds, heapUsedMiB, SoakMonitor } from './monitor.js';
import type { SoakOptions } from './options.js';
import type { LagFigures, SoakFigures } from './report.js';
import type { SoakServices } from './services.js';
import type { PeriodicVacuum } from './vacuum.js';

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
>;

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

/**
 * The soak: the mix at `rps` for the whole duration, open-loop, with a line every window (answers,
 * latency, memory of both processes, projection lag) and the trends over the whole run.
 */
export async function soak(
  services: SoakServices,
  client: SoakClient,
  mix: SoakMix,
  adminToken: string,
  rps: number,
  options: SoakOptions,
  vacuum: PeriodicVacuum,
): Promise<PhaseFigures> {
  const monitor = new SoakMonitor(client, adminToken, { api: services.api.pid, worker: services.worker.pid });
  const tally = new Tally();
  monitor.start(options.sampleSeconds);
  vacuum.start();
  const load = runOpenLoop(client, mix, tally, {
    rps,
    seconds: options.durationSeconds,
    maxInFlight: Math.max(1_000, rps * 10),
  });
  const count = Math.floor(options.durationSeconds / options.windowSeconds);
  const windows: SoakWindow[] = [];
  const latenciesByWindow: number[][] = [];
  const workerClient = new SoakClient(services.worker.baseUrl, options.requestTimeoutMs);
  const close = async (endsAt: number, seconds: number): Promise<void> => {
    const answered = tally.take();
    const [apiHeap, workerHeap] = await Promise.all([heapUsedMiB(client), heapUsedMiB(workerClient)]);
    const from = windows.at(-1)?.endsAt ?? 0;
    const window = windowOf(
      endsAt,
      seconds,
      answered,
      monitor.rss.findLast((sample) => sample.at <= endsAt + 0.5),
      { api: apiHeap, worker: workerHeap },
      monitor.lag.filter((sample) => sample.at > from && sample.at <= endsAt),
    );
    windows.push(window);
    latenciesByWindow.push(answered.latencies);
    progress(
      `  until ${window.endsAt.toFixed(0)} s: ${window.rps.toFixed(0)} req/s, p50 ${window.p50Ms} ms, ` +
        `p99 ${window.p99Ms} ms, RSS api ${window.apiMiB} MiB, worker ${window.workerMiB} MiB, ` +
        `lag ${window.lagSeconds} s`,
    );
  };
  for (let index = 1; index < count; index += 1) {
    await sleep(Math.max(0, index * options.windowSeconds - monitor.elapsed()) * 1_000);
    await close(monitor.elapsed(), options.windowSeconds);
  }
  // The last window takes the answers still in flight when the load stopped.
  const loaded = await load;
  const lastFrom = windows.at(-1)?.endsAt ?? 0;
  await close(monitor.elapsed(), monitor.elapsed() - lastFrom);
  workerClient.close();
  await monitor.stop();
  const vacuumed = await vacuum.stop();
  const processesAlive = { api: services.api.running, worker: services.worker.running };
  for (const [name, service] of [
    ['api', services.api],
    ['worker', services.worker],
  ] as const) {
    if (!service.running) progress(`the ${name} process died:\n${service.recentOutput}`);
  }
  const drained = processesAlive.api ? await drainSeconds(client, adminToken) : Number.POSITIVE_INFINITY;
  return {
    load: loaded,
    windows,
    byKind: tally.byKind(),
    statuses: sumCounts(windows.map((window) => window.statuses)),
    latency: latencyTrend(windows, latenciesByWindow),
    rss: {
      api: memoryTrend(monitor.rss, 'apiMiB', options.warmUpSeconds),
      worker: memoryTrend(monitor.rss, 'workerMiB', options.warmUpSeconds),
    },
    heap: {
      api: heapTrend(windows, 'apiHeapMiB', options.warmUpSeconds),
      worker: heapTrend(windows, 'workerHeapMiB', options.warmUpSeconds),
    },
    lag: lagFigures(monitor, drained),
    processesAlive,
    vacuum: vacuumed,
  };
}
