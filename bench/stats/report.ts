import type { FilmsFigures } from '../film-log/prefill.js';
import { atMost, formatTabledReport, ms, whole, type TabledReport, type Target } from '../film-log/report.js';
import type { MachineInfo } from '../store/machine.js';
import type { StatsDataset } from './dataset.js';
import type { Measure, MeasureFigures, StatsMeasures } from './measures.js';
import type { StatsBenchOptions } from './options.js';

/** A measure over its raw SQL reference, taken in the same turns. */
export interface Ratio {
  readonly measure: Measure;
  readonly against: Measure;
  readonly p50: number;
  readonly mean: number;
}

export interface StatsBenchReport extends TabledReport {
  readonly startedAt: string;
  readonly options: StatsBenchOptions;
  readonly machine: MachineInfo;
  /** The whole run, database and service start-up included. */
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly dataset: StatsDataset;
  readonly measures: StatsMeasures;
  readonly ratios: readonly Ratio[];
  readonly method: readonly string[];
}

const REFERENCES: readonly (readonly [Measure, Measure])[] = [
  ['apiAll', 'sqlAll'],
  ['apiYear', 'sqlYear'],
  ['pageAll', 'sqlAll'],
  ['pageYear', 'sqlYear'],
  ['renderAll', 'sqlAll'],
  ['renderYear', 'sqlYear'],
];

export const ratiosOf = (measures: StatsMeasures): Ratio[] =>
  REFERENCES.map(([measure, against]) => ({
    measure,
    against,
    p50: measures[measure].p50Ms / measures[against].p50Ms,
    mean: measures[measure].meanMs / measures[against].meanMs,
  }));

/** The issue sets no figure to reach: every answer must be the right one. */
export const targetsOf = (measures: StatsMeasures): Target[] => [
  atMost(
    'answers that were not a 200 (or a statement without its row)',
    Object.values(measures).reduce((sum, figures) => sum + figures.failures, 0),
    0,
  ),
];

const times = (value: number): string => `${value.toFixed(2)}×`;
const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

function rowsOf(report: StatsBenchReport): string[][] {
  const { measures, ratios, dataset } = report;
  const { username } = dataset.member;
  const year = dataset.busiestYear;
  const ratio = (measure: Measure): string => {
    const found = ratios.find((candidate) => candidate.measure === measure)!;
    return `${times(found.p50)} / ${times(found.mean)}`;
  };
  const row = (name: string, measure: Measure, versus: string, notes: string): string[] => {
    const figures: MeasureFigures = measures[measure];
    return [name, ms(figures.p50Ms), ms(figures.p99Ms), ms(figures.meanMs), versus, notes];
  };
  return [
    ['measure', 'p50 ms', 'p99 ms', 'mean ms', '÷ raw SQL (p50 / mean)', 'notes'],
    row(
      'raw SQL, all years',
      'sqlAll',
      'reference',
      'the handler’s statement through pg, prepared, one connection',
    ),
    row(`raw SQL, ?year=${year}`, 'sqlYear', 'reference', 'the same with the year'),
    row('raw SQL, viewing years', 'sqlYears', '', 'the statement of a year’s page for the other years'),
    row(
      `GET /api/v1/users/${username}/stats`,
      'apiAll',
      ratio('apiAll'),
      `${kilobytes(measures.apiAll.bytes)} of JSON`,
    ),
    row(`  …?year=${year}`, 'apiYear', ratio('apiYear'), `${kilobytes(measures.apiYear.bytes)} of JSON`),
    row(
      `GET /member/${username}/stats`,
      'pageAll',
      ratio('pageAll'),
      `${kilobytes(measures.pageAll.bytes)} of HTML; the profile query and the statement`,
    ),
    row(
      `  …?year=${year}`,
      'pageYear',
      ratio('pageYear'),
      `${kilobytes(measures.pageYear.bytes)} of HTML; the profile, the year’s statement and the viewing years, at once`,
    ),
    row(
      'render alone, all years',
      'renderAll',
      ratio('renderAll'),
      'the view to HTML in the bench process (d3, preact)',
    ),
    row(`render alone, ${year}`, 'renderYear', ratio('renderYear'), 'the same, with the months'),
    [
      'dataset',
      '-',
      '-',
      '-',
      '',
      `${whole(dataset.diaryEntries)} diary entries of ${whole(dataset.checkedFilms)} checked films ` +
        `(${whole(dataset.rated)} rated), ${dataset.firstYear}–${dataset.lastYear}; ` +
        `${whole(dataset.userFilmStateRows)} user_film_state and ${whole(dataset.diaryRows)} diary rows in all; ` +
        `${whole(report.films.films)} films`,
    ],
  ];
}

export const formatReport = (report: StatsBenchReport): string => formatTabledReport(rowsOf(report), report);

export const describeMethod = (options: StatsBenchOptions): string[] => [
  `Database: one fresh migrated database. ${options.films} generated films with their directors, genres and ` +
    'countries, straight with SQL (the catalogue bench’s fill).',
  `Read models written straight with SQL, as the projections leave them: the measured member has ` +
    `${options.diaryEntries} diary entries over ${options.diaryFilms} films (the rest rewatches on later days), ` +
    `each film checked on its first date, and ${options.plainChecks} films checked without an entry (half of ` +
    `them with no date), over ${options.years} years up to last year; 70 % of films rated. ${options.otherMembers} ` +
    `other members have ${options.otherFilms} checked and logged films each. Then VACUUM (ANALYZE), CHECKPOINT.`,
  'The service (`node dist/src/main.js`, APP_ROLE=api) answers the statistics once, checked against the ' +
    'dataset (films, ratings, years, the months of a year), before anything is timed.',
  `Measures, one request at a time, in turns: each turn takes every measure once in the same order (raw SQL ` +
    `of all years, of the busiest year and of the viewing years alone, the API and the page of all years ` +
    `and of the year, the view rendered alone for both), so a disturbance of the shared machine falls on ` +
    `all of them alike; ${options.warmUp} turns of ` +
    `warm-up, then ${options.requests} measured. HTTP through fetch (keep-alive), the answer read whole; raw ` +
    'SQL through one pg connection of the bench, the statement prepared under the handler’s name.',
  'Ratios: each measure’s p50 and mean over those of the raw statement it runs (the year’s over the year’s); ' +
    'the page of a year also runs the viewing years’ statement and the profile query, at once on the service’s ' +
    'pool. The machine is ' +
    'shared and noisy, so the ratios, not the absolute figures, are what compare across runs.',
];
