import type { AppendFigures } from '../store/load.js';
import type { MachineInfo } from '../store/machine.js';
import type { DiaryFigures } from './diary.js';
import type { FreshnessFigures } from './freshness.js';
import type { LoadFigures } from './http-load.js';
import type { FilmLogBenchOptions } from './options.js';
import type { FilmsFigures, PrefillFigures } from './prefill.js';
import type { ProjectionFigures, ServiceCatchUpFigures } from './projections.js';

export interface Target {
  readonly name: string;
  readonly value: number;
  readonly target: string;
  readonly met: boolean;
}

export interface CommandFigures {
  readonly load: LoadFigures;
  /** Events the load's commands appended (the probe's left out); many commands change nothing. */
  readonly events: number;
  readonly eventsPerSecond: number;
  /** HTTP commands per second over raw single-row INSERTs per second. */
  readonly ratioToRaw: number;
  readonly eventsRatioToRaw: number;
}

export interface FilmLogBenchReport {
  readonly startedAt: string;
  readonly options: FilmLogBenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  /** The whole run, databases and service start-ups included. */
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly registration: { readonly members: number; readonly seconds: number };
  readonly prefill: PrefillFigures;
  readonly raw: AppendFigures;
  readonly commands: CommandFigures;
  /** PUT and DELETE /films/{id}/rating at the same connections, after the other commands. */
  readonly ratings: LoadFigures;
  /** POST /me/diary at the same connections, after the ratings; then the read models checked. */
  readonly diary: DiaryFigures;
  readonly freshness: FreshnessFigures;
  readonly projections: ProjectionFigures;
  readonly serviceCatchUp: ServiceCatchUpFigures;
  readonly reads: { readonly filmStats: LoadFigures; readonly memberFilmState: LoadFigures };
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

type Figures = Omit<FilmLogBenchReport, 'startedAt' | 'machine' | 'loadAverage' | 'targets' | 'method'>;

export const atLeast = (name: string, value: number, floor: number): Target => ({
  name,
  value,
  target: `≥ ${figure(floor)}`,
  met: value >= floor,
});
export const atMost = (name: string, value: number, ceiling: number): Target => ({
  name,
  value,
  target: `≤ ${figure(ceiling)}`,
  met: value <= ceiling,
});

export function targetsOf(figures: Figures): Target[] {
  const { commands, freshness, projections, reads } = figures;
  const connections = figures.options.connections;
  return [
    atLeast('HTTP commands/s ÷ raw INSERTs/s', commands.ratioToRaw, 0.4),
    atMost(`HTTP command p99 ms at ${connections} connections`, commands.load.p99Ms, 25),
    atMost('HTTP command responses not 2xx, and errors', commands.load.non2xx + commands.load.errors, 0),
    atMost('HTTP rating responses not 2xx, and errors', figures.ratings.non2xx + figures.ratings.errors, 0),
    atMost(
      'HTTP diary responses not 2xx, and errors',
      figures.diary.load.non2xx + figures.diary.load.errors,
      0,
    ),
    atMost('freshness p99 ms (response → film_stats)', freshness.filmStatsMs.p99Ms, 100),
    atMost('freshness probes timed out or not 2xx', freshness.timeouts + freshness.non2xx, 0),
    atLeast('catch-up from zero, events/s', projections.catchUp.eventsPerSecond, 30_000),
    atLeast('blue/green rebuild, events/s', projections.rebuild.eventsPerSecond, 30_000),
    atMost('GET /films/{id}/stats p99 ms', reads.filmStats.p99Ms, 10),
    atMost('GET /me/films/{id} p99 ms', reads.memberFilmState.p99Ms, 10),
    atMost(
      'read responses not 2xx, and errors',
      reads.filmStats.non2xx +
        reads.filmStats.errors +
        reads.memberFilmState.non2xx +
        reads.memberFilmState.errors,
      0,
    ),
  ];
}

export const whole = (value: number): string => Math.round(value).toLocaleString('en-US');
export const figure = (value: number): string =>
  Math.abs(value) >= 100 ? whole(value) : String(Math.round(value * 100) / 100);
export const ms = (value: number): string => value.toFixed(2);

export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((cells) =>
    cells
      .map((cell, column) =>
        column === 0 || column === cells.length - 1
          ? cell.padEnd(widths[column]!)
          : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd(),
  );
}

function rowsOf(report: FilmLogBenchReport): string[][] {
  const { prefill, raw, commands, freshness, projections, reads, options } = report;
  const { load } = commands;
  const statuses = (figures: LoadFigures): string => `non-2xx ${figures.non2xx}, errors ${figures.errors}`;
  const projectionRow = (name: string, run: ProjectionFigures['catchUp']): string[] => [
    name,
    `${whole(run.eventsPerSecond)} events/s`,
    '-',
    '-',
    `${whole(run.events)} events in ${run.seconds.toFixed(1)} s, batches of ${projections.batchSize}`,
  ];
  return [
    ['measure', 'rate', 'p50 ms', 'p99 ms', 'notes'],
    [
      `prefill: EventStore.append, ${prefill.writers} at once`,
      `${whole(prefill.eventsPerSecond)} events/s`,
      ms(prefill.latency.p50Ms),
      ms(prefill.latency.p99Ms),
      `${whole(prefill.totals.events)} events, ${whole(prefill.totals.streams)} streams (one append each, ` +
        `${whole(prefill.appendsPerSecond)}/s), ${whole(prefill.totals.members)} members, ` +
        `${whole(report.films.films)} films; ${prefill.seconds.toFixed(1)} s`,
    ],
    [
      `raw INSERT, ${options.connections} clients`,
      `${whole(raw.appendsPerSecond)} inserts/s`,
      ms(raw.p50Ms),
      ms(raw.p99Ms),
      `${whole(raw.appends)} single-row inserts`,
    ],
    [
      `HTTP writes, ${load.connections} connections`,
      `${whole(load.requestsPerSecond)} commands/s`,
      ms(load.p50Ms),
      ms(load.p99Ms),
      `${whole(commands.eventsPerSecond)} events/s; ${statuses(load)}; ${load.seconds} s`,
    ],
    [
      '  ratio to raw INSERT',
      `${commands.ratioToRaw.toFixed(2)} (commands)`,
      '',
      '',
      `events/s ÷ inserts/s: ${commands.eventsRatioToRaw.toFixed(2)}`,
    ],
    [
      'freshness under that load',
      '-',
      ms(freshness.filmStatsMs.p50Ms),
      ms(freshness.filmStatsMs.p99Ms),
      `response → film_stats; all three models p50 ${ms(freshness.allThreeMs.p50Ms)}, p99 ` +
        `${ms(freshness.allThreeMs.p99Ms)}; ${freshness.probes} probes, ${freshness.timeouts} timed out`,
    ],
    [
      `HTTP ratings, ${report.ratings.connections} connections`,
      `${whole(report.ratings.requestsPerSecond)} ratings/s`,
      ms(report.ratings.p50Ms),
      ms(report.ratings.p99Ms),
      `PUT (a new rating) or DELETE /films/{id}/rating; ${statuses(report.ratings)}; ${report.ratings.seconds} s`,
    ],
    [
      `HTTP diary writes, ${report.diary.load.connections} connections`,
      `${whole(report.diary.load.requestsPerSecond)} entries/s`,
      ms(report.diary.load.p50Ms),
      ms(report.diary.load.p99Ms),
      `POST /me/diary: ${whole(report.diary.mix.firstViewings)} first viewings, ` +
        `${whole(report.diary.mix.rewatches)} rewatches; ${whole(report.diary.mix.withStars)} with stars, ` +
        `${whole(report.diary.mix.withoutStars)} without; ${statuses(report.diary.load)}; ${report.diary.load.seconds} s`,
    ],
    [
      '  read models after it',
      '-',
      '-',
      '-',
      `${whole(report.diary.counts.events)} entries in the log = diary_entries rows = user_film_state ` +
        `viewings = user_stats diary_entries (${whole(report.diary.answered)} answered 201 with the warm-up); ` +
        `${whole(report.diary.counts.keys)} entry keys; caught up ${report.diary.caughtUpSeconds.toFixed(2)} s ` +
        'after the load',
    ],
    projectionRow('catch-up from zero, 3 at once', projections.catchUp),
    projectionRow('blue/green rebuild, 3 at once', projections.rebuild),
    [
      'the service catches up the rest',
      '-',
      '-',
      '-',
      `${report.serviceCatchUp.others.join(', ')}: ${report.serviceCatchUp.seconds.toFixed(1)} s after it ` +
        'answered, before the loads',
    ],
    [
      `GET /films/{id}/stats, ${reads.filmStats.connections} conn.`,
      `${whole(reads.filmStats.requestsPerSecond)} req/s`,
      ms(reads.filmStats.p50Ms),
      ms(reads.filmStats.p99Ms),
      `${statuses(reads.filmStats)}; ${reads.filmStats.seconds} s`,
    ],
    [
      `GET /me/films/{id}, ${reads.memberFilmState.connections} conn.`,
      `${whole(reads.memberFilmState.requestsPerSecond)} req/s`,
      ms(reads.memberFilmState.p50Ms),
      ms(reads.memberFilmState.p99Ms),
      `${statuses(reads.memberFilmState)}; ${reads.memberFilmState.seconds} s`,
    ],
  ];
}

/** What every table-reporting bench's report carries besides its rows. */
export interface TabledReport {
  readonly machine: MachineInfo;
  readonly targets: readonly Target[];
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly seconds: number;
  readonly options: { readonly smoke: boolean };
}

/** The table, each target met or missed, the machine, and the load around the run. */
export function formatTabledReport(rows: readonly (readonly string[])[], report: TabledReport): string {
  const { machine } = report;
  const settings = Object.entries(machine.postgresSettings)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return [
    ...table(rows),
    '',
    ...report.targets.map(
      (goal) =>
        `${goal.met ? 'met   ' : 'MISSED'}  ${goal.name}: ${figure(goal.value)} (target ${goal.target})`,
    ),
    '',
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; ` +
      `Node ${machine.node}; PostgreSQL ${machine.postgres} (${settings}); ${machine.note}`,
    `load average (1, 5, 15 min): ${report.loadAverage.atStart.join(', ')} at start, ` +
      `${report.loadAverage.atEnd.join(', ')} at end; whole run ${report.seconds.toFixed(0)} s` +
      `${report.options.smoke ? ' (smoke)' : ''}`,
  ].join('\n');
}

export const formatReport = (report: FilmLogBenchReport): string =>
  formatTabledReport(rowsOf(report), report);
