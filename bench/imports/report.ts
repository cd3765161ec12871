import { atLeast, atMost, formatTabledReport, whole, type Target } from '../film-log/report.js';
import type { FilmsFigures } from '../film-log/prefill.js';
import type { MachineInfo } from '../store/machine.js';
import type { GeneratedExport } from './export.js';
import type { ImportsBenchOptions } from './options.js';
import { KEV_EXPORT, type RealExportFigures } from './real-export.js';
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
  /** The real Kev export, with and without its diary; why not, when its folder is not there. */
  readonly real: RealExportFigures | { readonly skipped: string };
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

type Figures = Pick<ImportsBenchReport, 'first' | 'again' | 'export' | 'real'>;

const countOf = (run: ImportRunFigures, name: string): number => run.result.counts?.[name] ?? 0;

function realTargets(real: RealExportFigures): Target[] {
  const written = real.runs.map((run) => countOf(run.withDiary, 'diaryEntries'));
  const rated = real.runs.map((run) => countOf(run.withDiary, 'ratings'));
  return [
    atLeast(
      `Kev: diary entries written by each import (fewest)`,
      Math.min(...written),
      real.withDiary.viewings,
    ),
    atMost(`Kev: diary entries written by each import (most)`, Math.max(...written), real.withDiary.viewings),
    atLeast('Kev: films rated by each import (fewest)', Math.min(...rated), real.withDiary.rated),
    atMost(
      'Kev: diary entries and marks added by importing it again',
      countOf(real.again, 'diaryEntries') + countOf(real.again, 'checked'),
      0,
    ),
  ];
}

export function targetsOf({ first, again, export: generated, real }: Figures): Target[] {
  return [
    atLeast('first import, rows/s', first.rowsPerSecond, 5_000),
    atLeast('films checked by the import', countOf(first, 'checked'), generated.checks),
    atMost('films checked by the import (no more)', countOf(first, 'checked'), generated.checks),
    atLeast('diary entries written by the import', countOf(first, 'diaryEntries'), generated.viewings),
    atMost(
      'diary entries written by the import (no more)',
      countOf(first, 'diaryEntries'),
      generated.viewings,
    ),
    atMost('marks added by importing the same file again', countOf(again, 'checked'), 0),
    atMost('diary entries added by importing the same file again', countOf(again, 'diaryEntries'), 0),
    ...('skipped' in real ? [] : realTargets(real)),
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

const byFile = (files: Readonly<Record<string, number>>): string =>
  Object.entries(files)
    .map(([file, rows]) => `${file} ${whole(rows)}`)
    .join(', ') || 'none';

const ratio = (value: number): string => value.toFixed(2);

function realRows(real: ImportsBenchReport['real']): string[][] {
  if ('skipped' in real) return [['the real Kev export', '-', '-', '-', `left out: ${real.skipped}`]];
  const { withDiary, withoutDiary, median, runs } = real;
  const each = (pick: (run: (typeof runs)[number]) => ImportRunFigures): string =>
    runs.map((run) => whole(pick(run).rowsPerSecond)).join(', ');
  const caughtUp = (pick: (run: (typeof runs)[number]) => ImportRunFigures & { caughtUpSeconds: number }) =>
    runs.map((run) => pick(run).caughtUpSeconds.toFixed(2)).join(', ');
  const medianRow = (name: string, middle: (typeof median)['withDiary'], rows: number): string[] => [
    name,
    `${whole(middle.rowsPerSecond)} rows/s`,
    `${middle.seconds.toFixed(2)} s`,
    '-',
    `${whole(rows)} rows`,
  ];
  return [
    [
      `the real export (${real.file})`,
      '-',
      '-',
      '-',
      `${(real.bytes / 1_024).toFixed(0)} KB zip; rows the import reads: ${byFile(withDiary.files)}; ` +
        `${whole(withDiary.films)} films, ${whole(withDiary.viewings)} diary rows (${whole(withDiary.rewatches)} ` +
        `rewatches), ${whole(withDiary.rated)} films rated; not imported: ${byFile(withDiary.notImported)}; ` +
        `its ${whole(real.catalogue.films)} films written to the catalogue first (${real.catalogue.seconds.toFixed(1)} s)`,
    ],
    runRow('  warm-up: the whole export', real.warmUp),
    medianRow(`  with its diary, median of ${runs.length}`, median.withDiary, withDiary.rows),
    ...runs.map((run, index) =>
      runRow(`    run ${index + 1}${run.withDiaryFirst ? ' (first)' : ''}`, run.withDiary),
    ),
    medianRow(`  without diary.csv, median of ${runs.length}`, median.withoutDiary, withoutDiary.rows),
    ...runs.map((run, index) =>
      runRow(`    run ${index + 1}${run.withDiaryFirst ? '' : ' (first)'}`, run.withoutDiary),
    ),
    [
      '  with ÷ without the diary',
      `${ratio(real.rowsPerSecondRatio)} (rows/s)`,
      `${ratio(real.secondsRatio)} (time)`,
      '-',
      `the diary adds ${real.diaryMsPerEntry.toFixed(2)} ms per entry written; with the diary ÷ the generated ` +
        `export's first import, rows/s: ${ratio(real.ratioToGenerated)}; rows/s with ${each((run) => run.withDiary)}, ` +
        `without ${each((run) => run.withoutDiary)}; projections caught up ${caughtUp((run) => run.withDiary)} s ` +
        `after each with, ${caughtUp((run) => run.withoutDiary)} s after each without`,
    ],
    runRow('  the whole export again (warm-up member)', real.again),
    [
      '  diaries after them',
      '-',
      '-',
      '-',
      `${whole(real.readModels.events)} entries in the log = diary_entries rows = user_film_state viewings = ` +
        `user_stats diary_entries, ${whole(real.readModels.keys)} entry keys (${runs.length + 1} members × ` +
        `${whole(withDiary.viewings)}); none for the members without diary.csv`,
    ],
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
    ...realRows(report.real),
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
  `The real export: ${KEV_EXPORT} (a real member's Letterboxd export, see PROVENANCE.md), read from ` +
    'shared/fixtures/real-exports beside the repository (left out, with the reason, when it is not there). ' +
    "Every film it names (and its lists) is written to the catalogue with the service's FilmWriter before the " +
    `service starts. A member imports the whole export once as a warm-up (not counted in the ratios); then ` +
    `${options.kevRuns} run(s), each by two fresh members: one imports the whole export ` +
    '(diary.csv: every row a diary entry; ratings.csv and the diary stars: ratings; reviews.csv as the ' +
    'import takes it: its counts and the rows it reads but does not import are reported), the other the ' +
    'same archive without diary.csv, in turns (the order swapped each ' +
    "run); rows/s count the rows the import reads (its progress total). Each import starts once the service's " +
    'projections have no event left to apply, and the time they take after it is noted. Medians over the ' +
    'runs give the ratios; the diary adds (median time with − median time without) ÷ entries. Then the ' +
    "warm-up's member imports the whole export again (nothing to add), and every importer's diary is checked in the log " +
    'and the read models (diary_entries, user_film_state viewings, user_stats diary_entries, diary_entry_keys).',
  'PostgreSQL, Redis, the service and the bench share the same machine and its cores (see loadAverage).',
];
