import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import type { StatusCounts } from './load.js';
import type { ConnectionCounts } from './database.js';
import type { LagSample, RssSample } from './monitor.js';

/** One line of the soak: what was answered in it, and the processes at its end. */
export interface SoakWindow {
  /** Seconds since the soak began, at the window's end. */
  readonly endsAt: number;
  readonly answered: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly statuses: StatusCounts;
  readonly apiMiB: number;
  readonly workerMiB: number;
  /** V8 heap in use at the window's end (the processes' /metrics): a leak shows here before RSS. */
  readonly apiHeapMiB: number;
  readonly workerHeapMiB: number;
  /** PostgreSQL connections at the window's end; null when they could not be counted. */
  readonly connections: ConnectionCounts | null;
  /** Worst lag seen in the window. */
  readonly lagSeconds: number;
  readonly lagEvents: number;
}

export interface MemoryTrend {
  /** Least-squares slope over the samples from `fittedFrom` seconds on. */
  readonly slopeMiBPerMinute: number;
  /**
   * The same through each minute's lowest sample: the floor the garbage collector comes back to,
   * less swayed by where the soak stops in a sawtooth of collections (not judged).
   */
  readonly floorSlopeMiBPerMinute: number;
  readonly fittedFrom: number;
  readonly samples: number;
  readonly startMiB: number;
  readonly endMiB: number;
  readonly maxMiB: number;
}

export interface LatencyTrend {
  /** p99 of every answer in the first and the last third of the soak's windows. */
  readonly firstThirdP99Ms: number;
  readonly lastThirdP99Ms: number;
  readonly ratio: number;
  readonly worstWindowP99Ms: number;
  readonly worstWindowEndsAt: number;
  readonly overall: LatencySummary;
}

export const sumCounts = (counts: readonly StatusCounts[]): StatusCounts => {
  const total: StatusCounts = {};
  for (const count of counts)
    for (const [status, n] of Object.entries(count)) total[status] = (total[status] ?? 0) + n;
  return total;
};

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function windowOf(seen: {
  readonly endsAt: number;
  readonly seconds: number;
  readonly answered: { latencies: readonly number[]; statuses: StatusCounts };
  readonly rss: RssSample | undefined;
  readonly heap: { readonly api: number; readonly worker: number };
  readonly lag: readonly LagSample[];
  readonly connections: ConnectionCounts | null;
}): SoakWindow {
  const { endsAt, seconds, answered, rss, heap, lag } = seen;
  const latency = summarizeLatencies(answered.latencies);
  return {
    endsAt: round(endsAt, 1),
    answered: answered.latencies.length,
    rps: round(answered.latencies.length / seconds, 1),
    p50Ms: round(latency.p50Ms),
    p99Ms: round(latency.p99Ms),
    maxMs: round(latency.maxMs),
    statuses: answered.statuses,
    apiMiB: round(rss?.apiMiB ?? Number.NaN, 1),
    workerMiB: round(rss?.workerMiB ?? Number.NaN, 1),
    apiHeapMiB: round(heap.api, 1),
    workerHeapMiB: round(heap.worker, 1),
    connections: seen.connections,
    lagSeconds: round(Math.max(0, ...lag.map((sample) => sample.seconds))),
    lagEvents: Math.max(0, ...lag.map((sample) => sample.events)),
  };
}

/** Slope of the least-squares line through (x, y), per unit of x. */
export function leastSquaresSlope(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return Number.NaN;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? Number.NaN : covariance / variance;
}

export function memoryTrend(
  samples: readonly RssSample[],
  process: 'apiMiB' | 'workerMiB',
  fittedFrom: number,
) {
  const known = samples.filter((sample) => Number.isFinite(sample[process]));
  const fitted = known.filter((sample) => sample.at >= fittedFrom);
  const perSecond = leastSquaresSlope(fitted.map((sample) => [sample.at, sample[process]]));
  const minutes = new Map<number, RssSample>();
  for (const sample of fitted) {
    const minute = Math.floor((sample.at - fittedFrom) / 60);
    const lowest = minutes.get(minute);
    if (!lowest || sample[process] < lowest[process]) minutes.set(minute, sample);
  }
  const floorPerSecond = leastSquaresSlope(
    [...minutes.values()].map((sample) => [sample.at, sample[process]]),
  );
  return {
    slopeMiBPerMinute: round(perSecond * 60, 3),
    floorSlopeMiBPerMinute: round(floorPerSecond * 60, 3),
    fittedFrom,
    samples: fitted.length,
    startMiB: round(known[0]?.[process] ?? Number.NaN, 1),
    endMiB: round(known.at(-1)?.[process] ?? Number.NaN, 1),
    maxMiB: round(Math.max(...known.map((sample) => sample[process])), 1),
  } satisfies MemoryTrend;
}

export interface HeapTrend {
  /** Least-squares slope over the windows ending from `fittedFrom` seconds on. */
  readonly slopeMiBPerMinute: number;
  readonly startMiB: number;
  readonly endMiB: number;
}

export function heapTrend(
  windows: readonly SoakWindow[],
  process: 'apiHeapMiB' | 'workerHeapMiB',
  fittedFrom: number,
): HeapTrend {
  const known = windows.filter((window) => Number.isFinite(window[process]));
  const fitted = known.filter((window) => window.endsAt >= fittedFrom);
  const perSecond = leastSquaresSlope(fitted.map((window) => [window.endsAt, window[process]]));
  return {
    slopeMiBPerMinute: round(perSecond * 60, 3),
    startMiB: known[0]?.[process] ?? Number.NaN,
    endMiB: known.at(-1)?.[process] ?? Number.NaN,
  };
}

/** The first and last thirds by window, so that a p99 creeping up over the soak shows as a ratio. */
export function latencyTrend(
  windows: readonly SoakWindow[],
  latenciesByWindow: readonly (readonly number[])[],
): LatencyTrend {
  const third = Math.max(1, Math.floor(windows.length / 3));
  const p99Of = (groups: readonly (readonly number[])[]): number => summarizeLatencies(groups.flat()).p99Ms;
  const firstThirdP99Ms = p99Of(latenciesByWindow.slice(0, third));
  const lastThirdP99Ms = p99Of(latenciesByWindow.slice(-third));
  const worst = windows.reduce((max, window) => (window.p99Ms > max.p99Ms ? window : max));
  return {
    firstThirdP99Ms: round(firstThirdP99Ms),
    lastThirdP99Ms: round(lastThirdP99Ms),
    ratio: round(lastThirdP99Ms / firstThirdP99Ms),
    worstWindowP99Ms: worst.p99Ms,
    worstWindowEndsAt: worst.endsAt,
    overall: summarizeLatencies(latenciesByWindow.flat()),
  };
}
