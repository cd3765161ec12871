import type { BenchRun } from '../shared/bench-cli.js';
import type { ClosedLoopFigures } from './closed-loop.js';
import type { OpenLoopFigures } from './open-loop.js';
import type { HttpBenchOptions } from './options.js';
import type { ProfileSummary } from './profile.js';
import type { perRequest } from './statements.js';

type StatementsPerRequest = ReturnType<typeof perRequest>;

/** One request against the service and against its bare floor, same generator, same connections. */
export interface Comparison {
  readonly label: string;
  readonly service: ClosedLoopFigures;
  readonly floor: ClosedLoopFigures;
  /** service req/s ÷ floor req/s. */
  readonly ratio: number;
  /** Database transactions per request, the service's projections included. */
  readonly transactionsPerRequest: { readonly service: number; readonly floor: number };
  /** Statements sent per request by each target's processes, the service's projections included. */
  readonly statementsPerRequest: {
    readonly service: StatementsPerRequest;
    readonly floor: StatementsPerRequest;
  };
}

export interface ServiceOnly {
  readonly label: string;
  readonly closed: ClosedLoopFigures;
  readonly openLoop: OpenLoopFigures;
  /** The floor driven at the same rate, when it has the request. */
  readonly floorOpenLoop: OpenLoopFigures | null;
}

export interface HttpBenchReport extends BenchRun {
  readonly options: HttpBenchOptions;
  readonly comparisons: readonly Comparison[];
  readonly filmPage: ClosedLoopFigures | null;
  /** With --profile: where the service's time went, over the whole run. */
  readonly profile: ProfileSummary | null;
  readonly openLoops: readonly ServiceOnly[];
}

/** Issue 19's goals: the least ratio to the floor per request, and the open-loop p99 ceilings. */
const RATIO_GOALS: Readonly<Record<string, number>> = {
  'GET /health': 0.15,
  'favourite / unfavourite (command)': 0.5,
  'check / uncheck (command)': 0.5,
  'watchlist / unwatchlist (command)': 0.5,
  'GET /films/{id}/stats': 0.4,
  'GET /me/films/{id}': 0.4,
};
const COMMAND_P99_GOAL_MS = 25;
const STATEMENT_KINDS_SHOWN = 8;
const READ_P99_GOAL_MS = 10;

const count = (value: number): string => Math.round(value).toLocaleString('en-GB');
const ms = (value: number): string => (value < 10 ? value.toFixed(1) : Math.round(value).toString());

const closed = (figures: ClosedLoopFigures): string =>
  `${count(figures.requestsPerSecond)} req/s (p50 ${ms(figures.p50Ms)}, p99 ${ms(figures.p99Ms)} ms)` +
  (figures.non2xx + figures.errors > 0 ? ` [${figures.non2xx} non-2xx, ${figures.errors} errors]` : '');

const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

export function formatHttpReport(report: HttpBenchReport): string {
  const { machine, options } = report;
  const lines = [
    `HTTP hot path (${options.smoke ? 'smoke' : 'full'}): ${machine.cpuModel}, ${machine.cores} cores, PostgreSQL ${machine.postgres}, Node ${process.versions.node}`,
    `closed loop: autocannon, ${options.connections} connections, ${options.seconds} s each in ${options.rounds} slices taking turns with the floor, after ${options.warmUpSeconds} s warm-up; ` +
      `${options.members} members × ${options.filmsPerMember} films; load average ${report.loadAverage.atStart.join(' ')} → ${report.loadAverage.atEnd.join(' ')}`,
    options.apiProcesses === 0
      ? 'service: one process in the all role, as `npm start` runs it; the floor: one process'
      : `service: ${options.apiProcesses} api processes (the load shared evenly) and one worker; the floor: one process`,
    '',
    '| request | service | bare floor | ratio | goal | DB transactions per request (service / floor) | statements per request (service / floor) |',
    '|---|---|---|---|---|---|---|',
    ...report.comparisons.map((row) => {
      const goal = RATIO_GOALS[row.label];
      const goalText = goal === undefined ? '' : `≥ ${goal} ${verdict(row.ratio >= goal)}`;
      const { service, floor } = row.transactionsPerRequest;
      const perRequest = Number.isNaN(service)
        ? 'not counted (smoke)'
        : `${service.toFixed(2)} / ${floor.toFixed(2)}`;
      const statements = `${row.statementsPerRequest.service.total.toFixed(2)} / ${row.statementsPerRequest.floor.total.toFixed(2)}`;
      return `| ${row.label} | ${closed(row.service)} | ${closed(row.floor)} | ${row.ratio.toFixed(2)} | ${goalText} | ${perRequest} | ${statements} |`;
    }),
    ...(report.filmPage
      ? [`| GET /film/{slug} (page, signed in) | ${closed(report.filmPage)} | | | | | |`]
      : []),
    '',
    "the service's statements per request, the most frequent kinds:",
    ...report.comparisons.map(
      (row) =>
        `  ${row.label}: ` +
        row.statementsPerRequest.service.kinds
          .slice(0, STATEMENT_KINDS_SHOWN)
          .map(({ kind, count }) => `${count.toFixed(2)} ${kind}`)
          .join('; '),
    ),
    '',
    `open loop on the service at half its closed-loop maximum, ${options.openLoopSeconds} s, latency from each request's due time:`,
    '',
    '| request | rate | p50 | p99 | max | failed | goal | floor at that rate: p50 / p99 |',
    '|---|---|---|---|---|---|---|---|',
    ...report.openLoops.map(({ label, openLoop, floorOpenLoop }) => {
      const goal = label.includes('command')
        ? COMMAND_P99_GOAL_MS
        : label.includes('/film/{slug}')
          ? null
          : READ_P99_GOAL_MS;
      const goalText = goal === null ? '' : `p99 ≤ ${goal} ms ${verdict(openLoop.latency.p99Ms <= goal)}`;
      const floorText = floorOpenLoop
        ? `${ms(floorOpenLoop.latency.p50Ms)} / ${ms(floorOpenLoop.latency.p99Ms)} ms`
        : '';
      return `| ${label} | ${count(openLoop.ratePerSecond)}/s | ${ms(openLoop.latency.p50Ms)} ms | ${ms(openLoop.latency.p99Ms)} ms | ${ms(openLoop.latency.maxMs)} ms | ${openLoop.failed} | ${goalText} | ${floorText} |`;
    }),
    ...(report.profile ? profileLines(report.profile) : []),
  ];
  return lines.join('\n');
}

const profileLines = (profile: ProfileSummary): string[] => [
  '',
  `the service's CPU profile (${profile.file}), ${count(profile.busyMs)} ms busy:`,
  `  by package: ${profile.byPackage.map(({ name, percent }) => `${name} ${percent}%`).join(', ')}`,
  '  by function (self time):',
  ...profile.byFunction.map(({ name, percent }) => `    ${percent}% ${name}`),
];
