import { atLeast, atMost, formatTabledReport, whole, type Target } from '../film-log/report.js';
import type { FilmsFigures } from '../film-log/prefill.js';
import type { MachineInfo } from '../store/machine.js';
import type { GeneratedExport } from './export.js';
import type { ImportsBenchOptions } from './options.js';
import type { ImportRunFigures } from './run.js';

export interface ImportsBenchReport {
  readonly startedAt: string;
  readonly options: ImportsBenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly export: Omit<GeneratedExport, 'zip'> & { readonly bytes: number };
  readonly first: ImportRunFigures;
  /** The same file again: nothing new to add. */
  readonly again: ImportRunFigures;
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

type Figures = Pick<ImportsBenchReport, 'first' | 'again' | 'export'>;

export function targetsOf({ first, again, export: generated }: Figures): Target[] {
  const counts = first.result.counts ?? {};
  return [
    atLeast('first import, rows/s', first.rowsPerSecond, 5_000),
    atLeast('films checked by the import', counts['checked'] ?? 0, generated.checks),
    atMost('films checked by the import (no more)', counts['checked'] ?? 0, generated.checks),
    atMost('marks added by importing the same file again', again.result.counts?.['checked'] ?? 0, 0),
  ];
}

function runRow(name: string, run: ImportRunFigures): string[] {
  const counts = Object.entries(run.result.counts ?? {})
    .map(([name, count]) => `${name} ${whole(count)}`)
    .join(', ');
  return [
    name,
    `${whole(run.rowsPerSecond)} rows/s`,
    `${run.seconds.toFixed(2)} s`,
    `${whole(run.peakRssMb)} MB`,
    `${whole(run.rows)} rows; upload ${run.uploadMs.toFixed(0)} ms; ${run.progressSteps} progress values seen; ${counts}; ` +
      `RSS ${whole(run.rssBeforeMb)} MB before`,
  ];
}

function rowsOf(report: ImportsBenchReport): string[][] {
  const generated = report.export;
  return [
    ['measure', 'rate', 'wall time', 'peak RSS', 'notes'],
    [
      'the export',
      '-',
      '-',
      '-',
      `${(generated.bytes / 1_048_576).toFixed(1)} MB zip: ` +
        Object.entries(generated.files)
          .map(([file, rows]) => `${file} ${whole(rows)}`)
          .join(', ') +
        `; ${whole(generated.checks)} catalogue films to check, ${whole(generated.unknown)} unknown; ` +
        `catalogue of ${whole(report.films.films)} films`,
    ],
    runRow('first import', report.first),
    runRow('the same file again', report.again),
  ];
}

export const formatReport = (report: ImportsBenchReport): string =>
  formatTabledReport(rowsOf(report), report);

export const describeMethod = (options: ImportsBenchOptions): string[] => [
  `Database: one fresh migrated database with ${options.films} generated films (the catalogue bench's fill) and one ` +
    "member (accounts row and MemberRegistered), whose token is minted with the service's AccessTokens.",
  `Export: a Letterboxd export zip generated from films whose title no other film shares: diary.csv with ` +
    `${options.diaryRows} rows (one in ten a rewatch, one film in a hundred not in the catalogue), watched.csv with ` +
    `every diary film, likes/films.csv with ${options.likeRows}, watchlist.csv with ${options.watchlistRows} other ` +
    'films, and a ratings.csv the import reads but does not import.',
  'Run: the service (APP_ROLE=all) answers POST /imports; the bench polls GET /imports/{id} every 50 ms until it ' +
    'says completed. Wall time is from the start of the upload; rows/s counts every CSV row of the export; peak ' +
    "RSS is the service process's VmHWM (api and worker in one process). Then the same file again.",
  'PostgreSQL, Redis, the service and the bench share the same machine and its cores (see loadAverage).',
];
