import { atMost, formatTabledReport, ms, table, whole, type Target } from '../film-log/report.js';
import type { LatencySummary } from '../store/latency.js';
import type { MachineInfo } from '../store/machine.js';
import type { HeapTrend, LatencyTrend, MemoryTrend, SoakWindow } from './figures.js';
import type { CalibrationFigures, OpenLoopFigures, StatusCounts } from './load.js';
import { NOT_SENT } from './load.js';
import type { SoakOptions } from './options.js';
import type { VacuumFigures } from './database.js';

/** Bounds the soak is judged by; the smoke run judges only the failures, too short for trends. */
export const BOUNDS = {
  rssSlopeMiBPerMinute: 1,
  p99LastToFirstThird: 1.5,
  lagSeconds: 5,
  drainSeconds: 30,
} as const;

export interface LagFigures {
  readonly maxSeconds: number;
  readonly maxEvents: number;
  /** The projection furthest behind at the worst moment. */
  readonly worstProjection: string | null;
  readonly deadLetters: number;
  readonly notRunning: readonly string[];
  readonly samples: number;
  readonly readFailures: number;
  /** After the load stopped, until no projection had an event left to apply. */
  readonly drainedSeconds: number;
}

export interface SoakFigures {
  readonly options: SoakOptions;
  /** The whole run, seed and service start-ups included. */
  readonly seconds: number;
  readonly seed: { readonly events: number; readonly seconds: number; readonly catchUpSeconds: number };
  /** Null when --max-rps gave the maximum. */
  readonly calibration: CalibrationFigures | null;
  readonly maxRps: number;
  readonly load: OpenLoopFigures;
  readonly windows: readonly SoakWindow[];
  readonly byKind: Readonly<Record<string, { latency: LatencySummary; statuses: StatusCounts }>>;
  readonly statuses: StatusCounts;
  readonly latency: LatencyTrend;
  readonly rss: { readonly api: MemoryTrend; readonly worker: MemoryTrend };
  /** Not judged: what the RSS slope is made of, when it is not flat. */
  readonly heap: { readonly api: HeapTrend; readonly worker: HeapTrend };
  readonly lag: LagFigures;
  readonly vacuum: VacuumFigures;
  /** Both processes still up when the load ended. */
  readonly processesAlive: { readonly api: boolean; readonly worker: boolean };
  /** Why the requests without an answer got none (the client's error, and whether its socket was reused). */
  readonly failures: Readonly<Record<string, number>>;
}

export interface SoakReport extends SoakFigures {
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

const countOf = (statuses: StatusCounts, test: (status: string) => boolean): number =>
  Object.entries(statuses)
    .filter(([status]) => test(status))
    .reduce((sum, [, n]) => sum + n, 0);

export const serverErrors = (statuses: StatusCounts): number => countOf(statuses, (s) => s.startsWith('5'));
export const unanswered = (statuses: StatusCounts): number =>
  countOf(statuses, (s) => s === 'no answer' || s === NOT_SENT);
const non2xx = (statuses: StatusCounts): number => countOf(statuses, (s) => !s.startsWith('2'));

export function targetsOf(figures: SoakFigures): Target[] {
  const { statuses, lag, rss, latency, processesAlive } = figures;
  const failures = [
    atMost('responses 5xx', serverErrors(statuses), 0),
    atMost('requests unanswered (refused, reset, timed out, not sent)', unanswered(statuses), 0),
    atMost(
      'processes that died (api, worker)',
      Number(!processesAlive.api) + Number(!processesAlive.worker),
      0,
    ),
    atMost('dead letters, and projections not running', lag.deadLetters + lag.notRunning.length, 0),
  ];
  if (figures.options.smoke) return failures;
  return [
    atMost('api RSS slope, MiB/min', rss.api.slopeMiBPerMinute, BOUNDS.rssSlopeMiBPerMinute),
    atMost('worker RSS slope, MiB/min', rss.worker.slopeMiBPerMinute, BOUNDS.rssSlopeMiBPerMinute),
    atMost('p99 of the last third ÷ p99 of the first', latency.ratio, BOUNDS.p99LastToFirstThird),
    atMost('projection lag, worst, s', lag.maxSeconds, BOUNDS.lagSeconds),
    atMost('projections drained after the load, s', lag.drainedSeconds, BOUNDS.drainSeconds),
    ...failures,
  ];
}

export const describeMethod = (options: SoakOptions): string[] => [
  'Two processes of the built service on a fresh database: APP_ROLE=api (HTTP) and APP_ROLE=worker (projections, jobs).',
  `Seed through the event store port: ${whole(options.members)} members, ${whole(options.films)} films, ` +
    `${whole(options.events)} film-log events, follows, ${options.lists} lists of ${options.listSize} films and an official one.`,
  'Mix: ~39% commands (marks, follows, comments, edits, reports, list edits), ~61% reads (film pages, stats, ' +
    'activity, comments, lists, friends, feed, profiles, search), each as one of the active members.',
  `Calibration: ${options.calibrationConnections} requests always in flight for ${options.calibrationSeconds} s ` +
    '(the first quarter not counted); the soak holds half the answers per second it measured.',
  'The soak is open-loop: request i is due at i / rate and its latency runs from then, so a slow answer ' +
    'cannot hold the next requests back and hide itself.',
  `RSS from /proc/<pid>/status (VmRSS) and lag from GET /admin/projections every ${options.sampleSeconds} s, ` +
    "the V8 heap in use from each process's /metrics at the end of each window; " +
    `the RSS slope is a least-squares line through the samples after the first ${options.warmUpSeconds} s.`,
  `Where the server has autovacuum off, the soak runs VACUUM (ANALYZE) every ${options.vacuumEverySeconds} s ` +
    "under the load instead (0: never), as a deployment's autovacuum would.",
];

const statusText = (statuses: StatusCounts): string =>
  Object.entries(statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ') || '-';

function kindRows(report: SoakReport): string[][] {
  return [
    ['request', 'answers', 'p50 ms', 'p99 ms', 'max ms', 'not 2xx'],
    ...Object.entries(report.byKind).map(([kind, { latency, statuses }]) => [
      kind,
      whole(latency.samples),
      ms(latency.p50Ms),
      ms(latency.p99Ms),
      ms(latency.maxMs),
      statusText(statuses),
    ]),
  ];
}

function windowRows(report: SoakReport): string[][] {
  return [
    [
      'until s',
      'req/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'api RSS',
      'heap',
      'worker RSS',
      'heap',
      'pg conns',
      'lag s',
      'lag ev',
      'not 2xx',
    ],
    ...report.windows.map((window) => [
      window.endsAt.toFixed(0),
      window.rps.toFixed(0),
      ms(window.p50Ms),
      ms(window.p99Ms),
      ms(window.maxMs),
      window.apiMiB.toFixed(1),
      window.apiHeapMiB.toFixed(1),
      window.workerMiB.toFixed(1),
      window.workerHeapMiB.toFixed(1),
      window.connections
        ? `${window.connections.api}+${window.connections.worker}/${window.connections.server}`
        : '?',
      window.lagSeconds.toFixed(2),
      whole(window.lagEvents),
      statusText(window.statuses),
    ]),
  ];
}

/** A slope needs two points: a run too short for one says so. */
const slope = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');

const trend = (name: string, memory: MemoryTrend, heap: HeapTrend): string[] => [
  `${name} RSS`,
  `${slope(memory.slopeMiBPerMinute)} MiB/min`,
  `${memory.startMiB.toFixed(1)} → ${memory.endMiB.toFixed(1)} MiB, max ${memory.maxMiB.toFixed(1)}; ` +
    `slope over ${memory.samples} samples from ${memory.fittedFrom} s (of each minute's lowest: ` +
    `${slope(memory.floorSlopeMiBPerMinute)}); V8 heap used ` +
    `${heap.startMiB.toFixed(1)} → ${heap.endMiB.toFixed(1)} MiB (${slope(heap.slopeMiBPerMinute)} MiB/min)`,
];

function summaryRows(report: SoakReport): string[][] {
  const { calibration, load, latency, lag, statuses } = report;
  const answered = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  return [
    ['measure', 'value', 'notes'],
    [
      'maximum of the mix',
      `${whole(report.maxRps)} req/s`,
      calibration
        ? `${calibration.connections} in flight for ${calibration.seconds.toFixed(1)} s: p50 ${ms(calibration.latency.p50Ms)}, ` +
          `p99 ${ms(calibration.latency.p99Ms)} ms; not 2xx: ${statusText(calibration.statuses)}` +
          Object.entries(calibration.failedByKind)
            .map(([kind, statuses]) => ` (${kind}: ${statusText(statuses)})`)
            .join('')
        : 'given by --max-rps',
    ],
    [
      'soak',
      `${whole(load.rps)} req/s`,
      `${whole(load.scheduled)} requests over ${load.seconds.toFixed(0)} s; not 2xx ${non2xx(statuses)} of ` +
        `${whole(answered)}: ${statusText(statuses)}` +
        (Object.keys(report.failures).length === 0
          ? ''
          : ` (${Object.entries(report.failures)
              .map(([reason, count]) => `${reason} ×${count}`)
              .join(', ')})`) +
        `; sends at most ${ms(load.maxSendDelayMs)} ms late`,
    ],
    [
      'latency p99',
      `${ms(latency.firstThirdP99Ms)} → ${ms(latency.lastThirdP99Ms)} ms`,
      `first third → last third (×${latency.ratio.toFixed(2)}); worst window ${ms(latency.worstWindowP99Ms)} ms ` +
        `(until ${latency.worstWindowEndsAt.toFixed(0)} s); whole soak p50 ${ms(latency.overall.p50Ms)}, ` +
        `p99 ${ms(latency.overall.p99Ms)}, max ${ms(latency.overall.maxMs)}`,
    ],
    trend('api', report.rss.api, report.heap.api),
    trend('worker', report.rss.worker, report.heap.worker),
    [
      'projection lag',
      `${lag.maxSeconds.toFixed(2)} s`,
      `worst ${lag.worstProjection ?? '-'}; at most ${whole(lag.maxEvents)} events behind; drained ` +
        `${lag.drainedSeconds.toFixed(1)} s after the load; ${lag.samples} readings (${lag.readFailures} failed); ` +
        `dead letters ${lag.deadLetters}; not running: ${lag.notRunning.join(', ') || 'none'}`,
    ],
    [
      'vacuum',
      report.vacuum.everySeconds > 0 ? `every ${report.vacuum.everySeconds} s` : 'none',
      report.vacuum.everySeconds > 0
        ? `${report.vacuum.runs} runs under the load, the longest ${report.vacuum.maxSeconds.toFixed(1)} s, ` +
          `${report.vacuum.failures} failed (the server's autovacuum is off)`
        : 'autovacuum on, or a smoke run',
    ],
    [
      'seed',
      `${whole(report.seed.events)} events`,
      `written in ${report.seed.seconds.toFixed(1)} s; the worker caught up ${report.seed.catchUpSeconds.toFixed(1)} s after starting`,
    ],
  ];
}

export function formatReport(report: SoakReport): string {
  return [
    'Requests by kind, whole soak (latency from when each was due):',
    ...table(kindRows(report)),
    '',
    `Windows of ${report.options.windowSeconds} s:`,
    ...table(windowRows(report)),
    '',
    formatTabledReport(summaryRows(report), report),
    ...(report.options.smoke ? ['(smoke: trends are shown, not judged; only failures are)'] : []),
  ].join('\n');
}
