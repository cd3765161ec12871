import type { FilmsFigures, PrefillFigures } from '../film-log/prefill.js';
import { atLeast, atMost, formatTabledReport, ms, whole, type Target } from '../film-log/report.js';
import type { MachineInfo } from '../store/machine.js';
import type { DatasetFigures } from './dataset.js';
import type { ReadFigures } from './loads.js';
import type { SocialBenchOptions } from './options.js';
import type { AppendRunFigures } from './prefill.js';
import type { CatchUpFigures, RebuildFigures } from './projections.js';

export interface SocialLoads {
  readonly health: ReadFigures;
  readonly feed: ReadFigures;
  readonly feedThirdPage: ReadFigures;
  readonly filmActivity: ReadFigures;
  readonly friends: ReadFigures;
  readonly popular: ReadFigures;
  readonly home: ReadFigures;
}

export interface SocialPrefill {
  /** The accounts rows, with SQL. */
  readonly accountsSeconds: number;
  readonly registrations: AppendRunFigures;
  readonly filmLog: PrefillFigures;
  readonly follows: AppendRunFigures;
  /** Accounts and the three appends together. */
  readonly seconds: number;
}

export interface SocialBenchReport {
  readonly startedAt: string;
  readonly options: SocialBenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  /** The whole run, database and service start-ups included. */
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly prefill: SocialPrefill;
  readonly dataset: DatasetFigures;
  readonly catchUp: CatchUpFigures;
  readonly rebuild: RebuildFigures;
  /** The same rebuild as before (every index kept all along, summaries kept by each batch), in the same run. */
  readonly rebuildAsBefore: RebuildFigures;
  readonly popularityRebuild: RebuildFigures;
  readonly popularityRebuildAsBefore: RebuildFigures;
  readonly loads: SocialLoads;
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

type Figures = Pick<SocialBenchReport, 'options' | 'rebuild' | 'popularityRebuild' | 'loads'>;

export function targetsOf({ options, rebuild, popularityRebuild, loads }: Figures): Target[] {
  const at = `at ${options.connections} connections`;
  const failures = Object.values(loads).reduce(
    (sum, { loaded, alone }) => sum + loaded.non2xx + loaded.errors + alone.non2xx,
    0,
  );
  return [
    atMost(`GET /feed first page p99 ms ${at}`, loads.feed.loaded.p99Ms, 15),
    atMost(`GET /feed third page p99 ms ${at}`, loads.feedThirdPage.loaded.p99Ms, 15),
    atMost(`GET /films/{id}/activity p99 ms ${at}`, loads.filmActivity.loaded.p99Ms, 10),
    atMost(`GET /films/{id}/friends p99 ms ${at}`, loads.friends.loaded.p99Ms, 10),
    atLeast('activity projection rebuild, events/s', rebuild.eventsPerSecond, 30_000),
    atLeast('popularity projection rebuild, events/s', popularityRebuild.eventsPerSecond, 30_000),
    atMost('responses not 2xx, and errors', failures, 0),
  ];
}

function appendRow(name: string, run: AppendRunFigures, notes: string): string[] {
  return [
    `${name}, ${run.writers} at once`,
    `${whole(run.eventsPerSecond)} events/s`,
    ms(run.latency.p50Ms),
    ms(run.latency.p99Ms),
    `${whole(run.events)} events, ${whole(run.streams)} streams (${whole(run.appendsPerSecond)} appends/s); ` +
      `${run.seconds.toFixed(1)} s${notes}`,
  ];
}

function loadRows(name: string, { loaded, alone }: ReadFigures, notes: string): string[][] {
  const statuses = `non-2xx ${loaded.non2xx + alone.non2xx}, errors ${loaded.errors}`;
  return [
    [
      `${name}, ${loaded.connections} conn.`,
      `${whole(loaded.requestsPerSecond)} req/s`,
      ms(loaded.p50Ms),
      ms(loaded.p99Ms),
      `${statuses}; ${loaded.seconds} s; ${notes}`,
    ],
    [
      '  the same, one at a time',
      `${whole(alone.requestsPerSecond)} req/s`,
      ms(alone.latency.p50Ms),
      ms(alone.latency.p99Ms),
      `${whole(alone.requests)} requests, each alone (its own time through the service)`,
    ],
  ];
}

function rebuildRow(run: RebuildFigures, counted: string): string[] {
  return [
    `${run.projection} rebuild (blue/green)${run.indexesBuiltAtTheEnd.length > 0 || run.summariesAtTheEnd ? '' : ', as before'}`,
    `${whole(run.eventsPerSecond)} events/s`,
    '-',
    '-',
    `${whole(run.events)} events it handles → ${whole(run.rows)} ${counted} in ` +
      `${run.seconds.toFixed(1)} s, batches of ${run.batchSize}; ` +
      `indexes built at the end: ${run.indexesBuiltAtTheEnd.length}; ` +
      `summaries ${run.summariesAtTheEnd ? 'filled at the end' : 'kept by each batch'}`,
  ];
}

function rowsOf(report: SocialBenchReport): string[][] {
  const { prefill, dataset, catchUp, rebuild, popularityRebuild, loads } = report;
  const { rebuildAsBefore, popularityRebuildAsBefore } = report;
  const { readers, popularFilm } = dataset;
  const filmLog = prefill.filmLog;
  const readersNote = `${readers.count} readers following ${whole(readers.following)} in turn`;
  return [
    ['measure', 'rate', 'p50 ms', 'p99 ms', 'notes'],
    appendRow(
      'prefill: MemberRegistered',
      prefill.registrations,
      `; accounts rows with SQL in ${prefill.accountsSeconds.toFixed(1)} s`,
    ),
    [
      `prefill: film log, ${filmLog.writers} at once`,
      `${whole(filmLog.eventsPerSecond)} events/s`,
      ms(filmLog.latency.p50Ms),
      ms(filmLog.latency.p99Ms),
      `${whole(filmLog.totals.events)} events, ${whole(filmLog.totals.streams)} streams ` +
        `(${whole(filmLog.appendsPerSecond)} appends/s), ${whole(report.films.films)} films; ` +
        `${filmLog.seconds.toFixed(1)} s`,
    ],
    appendRow('prefill: UserFollowed', prefill.follows, `; whole prefill ${prefill.seconds.toFixed(1)} s`),
    [
      'dataset',
      '-',
      '-',
      '-',
      `${whole(dataset.activityRows)} activity rows; ${whole(dataset.follows)} follows by ` +
        `${whole(dataset.membersFollowing)} members (median ${dataset.medianFollowing}); most followed ` +
        `${dataset.mostFollowers.map(whole).join(', ')}; ${dataset.membersWithThousandFollowers} with ≥ 1,000`,
    ],
    [
      '  loads read',
      '-',
      '-',
      '-',
      `popular film: ${whole(popularFilm.activityRows)} activity rows, ${whole(popularFilm.checks)} checks; ` +
        `a reader's followees have ${whole(readers.medianFolloweeActivityRows)} activity rows, ` +
        `${whole(readers.medianFriendsWhoChecked)} checked the popular film (medians)`,
    ],
    [
      'service catch-up from zero',
      `${whole(catchUp.eventsPerSecond)} events/s`,
      '-',
      '-',
      `${whole(catchUp.events)} events, all ${catchUp.projections.length} projections in ` +
        `${catchUp.seconds.toFixed(1)} s from start: ` +
        catchUp.projections.map((run) => `${run.name} ${run.seconds.toFixed(1)} s`).join(', '),
    ],
    rebuildRow(rebuildAsBefore, 'rows'),
    rebuildRow(rebuild, 'rows'),
    rebuildRow(popularityRebuildAsBefore, 'standing marks over the films'),
    rebuildRow(popularityRebuild, 'standing marks over the films'),
    ...loadRows('GET /health (the floor)', loads.health, 'no token, no database'),
    ...loadRows('GET /feed, first page', loads.feed, readersNote),
    ...loadRows('GET /feed, third page', loads.feedThirdPage, `${readersNote}, each with its cursor`),
    ...loadRows('GET /films/{id}/activity', loads.filmActivity, 'the popular film, first page'),
    ...loadRows('GET /films/{id}/friends', loads.friends, `the popular film, ${readersNote}`),
    ...loadRows(
      'GET /films/popular',
      loads.popular,
      'anonymous; week, month, all, and drama of the 1990s in turn',
    ),
    ...loadRows(
      'GET / (home page)',
      loads.home,
      'a visitor: popular, official lists, festivals, recent activity',
    ),
  ];
}

export const formatReport = (report: SocialBenchReport): string => formatTabledReport(rowsOf(report), report);
