import { performance } from 'node:perf_hooks';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import pg from 'pg';
import { usernameKey } from '../../src/modules/identity/domain/credentials.js';
import { COUNTRY_CONTINENTS } from '../../src/modules/member-stats/domain/continents.js';
import type { MemberStats, YearCount } from '../../src/modules/member-stats/member-stats.response.js';
import {
  MEMBER_STATS_SQL,
  MEMBER_VIEWING_YEARS_SQL,
} from '../../src/modules/member-stats/queries/get-member-stats/member-stats.sql.js';
import { MemberStatsView } from '../../src/web/member-stats/stats-views.js';
import type { RunningApp } from '../catalogue/search-load.js';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import type { StatsDataset } from './dataset.js';
import type { StatsBenchOptions } from './options.js';

/** The measures, in the order they are taken in each turn. */
export const MEASURES = [
  'sqlAll',
  'sqlYear',
  'sqlYears',
  'apiAll',
  'apiYear',
  'pageAll',
  'pageYear',
  'renderAll',
  'renderYear',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface MeasureFigures extends LatencySummary {
  /** Answers that were not a 200 (HTTP measures only). */
  readonly failures: number;
  /** The size of the last answer: the JSON or the HTML. */
  readonly bytes: number;
}

export type StatsMeasures = Readonly<Record<Measure, MeasureFigures>>;

interface Probe {
  /** Takes one sample; false when the answer was not the one expected. */
  run(): Promise<boolean>;
  bytes: number;
}

async function getJson<T>(app: RunningApp, path: string): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

function httpProbe(app: RunningApp, path: string): Probe {
  const probe: Probe = {
    bytes: 0,
    async run() {
      const response = await fetch(`${app.baseUrl}${path}`);
      const body = await response.arrayBuffer();
      probe.bytes = body.byteLength;
      return response.status === 200;
    },
  };
  return probe;
}

/** A handler's own statement, prepared by the same name, on one connection of the bench's own. */
function sqlProbe(client: pg.Client, query: pg.QueryConfig): Probe {
  const probe: Probe = {
    bytes: 0,
    async run() {
      const { rows } = await client.query(query);
      probe.bytes = JSON.stringify(rows[0]).length;
      return rows.length === 1;
    },
  };
  return probe;
}

const statsQuery = (username: string, year: number | null): pg.QueryConfig => ({
  name: 'member-stats',
  text: MEMBER_STATS_SQL,
  values: [usernameKey(username), year, COUNTRY_CONTINENTS.countries, COUNTRY_CONTINENTS.continents],
});

/** The page's view rendered to HTML in this process, from answers read once: the charts' own cost. */
function renderProbe(
  username: string,
  year: number | null,
  years: readonly YearCount[],
  stats: MemberStats,
): Probe {
  const probe: Probe = {
    bytes: 0,
    run() {
      const html = renderToString(h(MemberStatsView, { username, year, years, stats }));
      probe.bytes = Buffer.byteLength(html);
      return Promise.resolve(html.includes('role="img"'));
    },
  };
  return probe;
}

/** What the service answers must be the dataset's, before anything is timed. */
export async function checkAnswers(app: RunningApp, dataset: StatsDataset) {
  const { username } = dataset.member;
  const overall = await getJson<MemberStats>(app, `/api/v1/users/${username}/stats`);
  const year = await getJson<MemberStats>(app, `/api/v1/users/${username}/stats?year=${dataset.busiestYear}`);
  const rated = overall.ratings.reduce((sum, films) => sum + films, 0);
  const problems = [
    overall.films !== dataset.checkedFilms && `films ${overall.films}, expected ${dataset.checkedFilms}`,
    rated !== dataset.rated && `rated ${rated}, expected ${dataset.rated}`,
    overall.byYear.length !== dataset.lastYear - dataset.firstYear + 1 &&
      `${overall.byYear.length} viewing years`,
    year.byYear[0]?.year !== dataset.busiestYear && `?year= answered ${JSON.stringify(year.byYear)}`,
    year.byMonth?.length !== 12 && 'no byMonth with ?year=',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(`the statistics are not the dataset's: ${problems.join('; ')}`);
  return { overall, year };
}

/**
 * Every measure once per turn, in the same order, one request at a time, so a disturbance of the
 * machine falls on all of them alike; `warmUp` turns first, not counted.
 */
export async function measureInTurn(
  app: RunningApp,
  databaseUrl: string,
  dataset: StatsDataset,
  answers: { readonly overall: MemberStats; readonly year: MemberStats },
  options: StatsBenchOptions,
): Promise<StatsMeasures> {
  const { username } = dataset.member;
  const year = dataset.busiestYear;
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-stats-raw' });
  await client.connect();
  try {
    const probes: Record<Measure, Probe> = {
      sqlAll: sqlProbe(client, statsQuery(username, null)),
      sqlYear: sqlProbe(client, statsQuery(username, year)),
      sqlYears: sqlProbe(client, {
        name: 'member-viewing-years',
        text: MEMBER_VIEWING_YEARS_SQL,
        values: [usernameKey(username)],
      }),
      apiAll: httpProbe(app, `/api/v1/users/${username}/stats`),
      apiYear: httpProbe(app, `/api/v1/users/${username}/stats?year=${year}`),
      pageAll: httpProbe(app, `/member/${username}/stats`),
      pageYear: httpProbe(app, `/member/${username}/stats?year=${year}`),
      renderAll: renderProbe(username, null, answers.overall.byYear, answers.overall),
      renderYear: renderProbe(username, year, answers.overall.byYear, answers.year),
    };
    const samples = Object.fromEntries(MEASURES.map((measure) => [measure, [] as number[]])) as Record<
      Measure,
      number[]
    >;
    const failures = Object.fromEntries(MEASURES.map((measure) => [measure, 0])) as Record<Measure, number>;
    for (let turn = 0; turn < options.warmUp + options.requests; turn += 1) {
      for (const measure of MEASURES) {
        const begin = performance.now();
        const ok = await probes[measure].run();
        const ms = performance.now() - begin;
        if (!ok) failures[measure] += 1;
        if (turn >= options.warmUp) samples[measure].push(ms);
      }
    }
    return Object.fromEntries(
      MEASURES.map((measure) => [
        measure,
        {
          ...summarizeLatencies(samples[measure]),
          failures: failures[measure],
          bytes: probes[measure].bytes,
        },
      ]),
    ) as Record<Measure, MeasureFigures>;
  } finally {
    await client.end();
  }
}
