import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { validateFilmRequest } from '../../src/modules/catalog/films/film-request.js';
import { FilmWriter } from '../../src/modules/catalog/films/film-writer.js';
import type { ImportPlan } from '../../src/modules/imports/parsing/import-plan.js';
import { parseImport } from '../../src/modules/imports/parsing/parse-import.js';
import { readZipEntries } from '../../src/modules/imports/parsing/zip-entries.js';
import { projections as serviceProjections } from '../../src/features.js';
import type { RunningApp } from '../catalogue/search-load.js';
import { checkDiary, countDiary, LagWatch, type DiaryCounts } from '../film-log/diary.js';
import { timed } from '../shared/bench-cli.js';
import type { Reader } from '../social/members.js';
import { openPool } from '../store/databases.js';
import { zipOf } from './export.js';
import { runImport, type ImportRunFigures } from './run.js';

/**
 * Real exports other people made (provenance in their PROVENANCE.md): shared/ beside the
 * repository, as CI lays it too. Read where they are, never copied into the repository.
 */
export const REAL_EXPORTS = fileURLToPath(
  new URL('../../../../shared/fixtures/real-exports/', import.meta.url),
);
/** The Letterboxd export of the member GhostEffect: 938 diary rows, 527 of them rewatches. */
export const KEV_EXPORT = 'letterboxd-kevdoy-kev.zip';

const MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;

/** One zip to upload, and what the import will find in it. */
export interface RealExportZip {
  readonly zip: Buffer;
  /** Data rows the import reads, by file; `rows` is their sum (the import's progress total). */
  readonly files: Readonly<Record<string, number>>;
  readonly rows: number;
  /** Films the export names outside its lists. */
  readonly films: number;
  /** Diary rows: the diary entries the import must write, and the rewatches among them. */
  readonly viewings: number;
  readonly rewatches: number;
  /** Films the export gives a rating (ratings.csv or a diary row's stars): the ratings the import adds. */
  readonly rated: number;
  /** Rows the import reads and counts but does not import, by file. */
  readonly notImported: Readonly<Record<string, number>>;
}

export interface RealExport {
  readonly file: string;
  readonly bytes: number;
  readonly withDiary: RealExportZip;
  /** The same archive without diary.csv: every other entry as it is. */
  readonly withoutDiary: RealExportZip;
  /** Distinct films (title and year as written) of the export and its lists, for the catalogue. */
  readonly references: readonly { readonly title: string; readonly year: number | null }[];
}

/** Rows of each file the plan was read from (a row naming a film counts once, however it is used). */
function rowsByFile(plan: ImportPlan): Record<string, number> {
  const seen = new Set<string>();
  const files: Record<string, number> = {};
  const add = (file: string, line: number): void => {
    if (seen.has(`${file}\n${line}`)) return;
    seen.add(`${file}\n${line}`);
    files[file] = (files[file] ?? 0) + 1;
  };
  for (const film of plan.films) for (const row of film.rows) add(row.file, row.line);
  for (const list of plan.lists) for (const item of list.items) add(list.file, item.line);
  for (const error of plan.rowErrors) add(error.file, error.line);
  for (const [file, rows] of Object.entries(plan.notImported)) files[file] = (files[file] ?? 0) + rows;
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

/** What the import will make of the zip, read with the service's own parser. */
async function describe(zip: Buffer): Promise<{ zip: RealExportZip; plan: ImportPlan }> {
  const plan = await parseImport(zip, 'export.zip', 'letterboxd', { importedAt: new Date() });
  return { zip: described(zip, plan), plan };
}

function described(zip: Buffer, plan: ImportPlan): RealExportZip {
  const viewings = plan.films.flatMap((film) => film.viewings);
  return {
    zip,
    files: rowsByFile(plan),
    rows: plan.rows,
    films: plan.films.length,
    viewings: viewings.length,
    rewatches: viewings.filter((viewing) => viewing.rewatch).length,
    rated: plan.films.filter((film) => film.rated !== null).length,
    notImported: plan.notImported,
  };
}

/** Kev's export and the same without its diary; the reason it is not there instead. */
export async function readKevExport(): Promise<RealExport | { readonly skipped: string }> {
  const path = join(REAL_EXPORTS, KEV_EXPORT);
  if (!existsSync(path)) return { skipped: `${path} is not there` };
  const bytes = await readFile(path);
  const entries = await readZipEntries(bytes, (name) => name !== 'diary.csv', MAX_UNCOMPRESSED_BYTES);
  const { zip: withDiary, plan } = await describe(bytes);
  const { zip: withoutDiary } = await describe(await zipOf(Object.fromEntries(entries)));
  const references = new Map<string, { title: string; year: number | null }>();
  for (const { title, year } of [
    ...plan.films.map((film) => film.film),
    ...plan.lists.flatMap((list) => list.items),
  ])
    references.set(`${title}\n${year ?? ''}`, { title, year });
  return {
    file: KEV_EXPORT,
    bytes: bytes.length,
    withDiary,
    withoutDiary,
    references: [...references.values()],
  };
}

/**
 * Every film the export names, written to the catalogue as an editor would (FilmWriter, one
 * transaction each), so the import can match them all; the generated films stay beside them.
 */
export async function catalogueExportFilms(
  url: string,
  references: RealExport['references'],
): Promise<{ readonly films: number; readonly seconds: number }> {
  const begin = performance.now();
  const pool = openPool(url, 2, 'filmlog-bench-catalogue');
  try {
    const writer = new FilmWriter(pool);
    for (const { title, year } of references) {
      const request = await validateFilmRequest({ title, ...(year === null ? {} : { year }) });
      if (!request.ok) throw new Error(`"${title}" (${year}): ${JSON.stringify(request.errors)}`);
      await writer.create(request.value);
    }
  } finally {
    await pool.end();
  }
  return { films: references.length, seconds: (performance.now() - begin) / 1_000 };
}

export interface RealImportFigures extends ImportRunFigures {
  /** From the import's completion until the service's projections had no event left to apply. */
  readonly caughtUpSeconds: number;
}

/** One member imports the export, another the export without diary.csv, in the order given. */
export interface RealRun {
  readonly withDiaryFirst: boolean;
  readonly withDiary: RealImportFigures;
  readonly withoutDiary: RealImportFigures;
}

interface Middle {
  readonly rowsPerSecond: number;
  readonly seconds: number;
}

export interface RealExportFigures {
  readonly file: string;
  readonly bytes: number;
  readonly withDiary: Omit<RealExportZip, 'zip'> & { readonly bytes: number };
  readonly withoutDiary: Omit<RealExportZip, 'zip'> & { readonly bytes: number };
  /** The export's films written to the catalogue before the service started. */
  readonly catalogue: { readonly films: number; readonly seconds: number };
  /** The whole export by a member of its own, before the runs, so none is the service's first. */
  readonly warmUp: RealImportFigures;
  readonly runs: readonly RealRun[];
  /** The whole export again, by the warm-up's member: nothing new to add. */
  readonly again: RealImportFigures;
  /** Medians over the runs. */
  readonly median: { readonly withDiary: Middle; readonly withoutDiary: Middle };
  /** Rows per second with the diary over rows per second without it (medians). */
  readonly rowsPerSecondRatio: number;
  /** Wall time with the diary over wall time without it (medians). */
  readonly secondsRatio: number;
  /** The wall time the diary adds (median with less median without), per diary entry written. */
  readonly diaryMsPerEntry: number;
  /** Rows per second with the diary over the generated export's first import's. */
  readonly ratioToGenerated: number;
  /** The diary of every member who imported the whole export, once the projections caught up. */
  readonly readModels: DiaryCounts;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const middleOf = (runs: readonly ImportRunFigures[]): Middle => ({
  rowsPerSecond: median(runs.map((run) => run.rowsPerSecond)),
  seconds: median(runs.map((run) => run.seconds)),
});

const withoutZip = ({ zip, ...rest }: RealExportZip) => ({ ...rest, bytes: zip.length });

/** Members measureRealExport needs for `runs` runs. */
export const realExportMembers = (runs: number): number => 1 + 2 * runs;

/**
 * A warm-up import of the whole export by a member of its own, then `runs` times: one fresh
 * member imports the whole export and another the export without diary.csv, the order swapped
 * from one run to the next; each import starts once the service's projections have applied
 * everything before it, so none pays for another's read models. Then the warm-up's member imports
 * the whole export again, and the diaries are checked.
 */
export async function measureRealExport(
  app: RunningApp,
  url: string,
  real: RealExport,
  catalogue: RealExportFigures['catalogue'],
  members: readonly Reader[],
  generated: ImportRunFigures,
  options: { readonly runs: number; readonly limitMs: number },
): Promise<RealExportFigures> {
  if (members.length < realExportMembers(options.runs))
    throw new Error(`${realExportMembers(options.runs)} members needed`);
  const watch = new LagWatch(url, serviceProjections);
  try {
    return await measureRuns(app, url, real, catalogue, members, generated, options, watch);
  } finally {
    await watch.close();
  }
}

async function measureRuns(
  app: RunningApp,
  url: string,
  real: RealExport,
  catalogue: RealExportFigures['catalogue'],
  members: readonly Reader[],
  generated: ImportRunFigures,
  options: { readonly runs: number; readonly limitMs: number },
  watch: LagWatch,
): Promise<RealExportFigures> {
  const [first, ...pairs] = members;
  const importOnce = async (member: Reader, zip: RealExportZip): Promise<RealImportFigures> => {
    const figures = await runImport(app, member, zip.zip, zip.rows, options.limitMs);
    return { ...figures, caughtUpSeconds: await watch.untilCaughtUp(options.limitMs) };
  };
  await timed('the service applies the imports before', () => watch.untilCaughtUp(options.limitMs));
  const warmUp = await timed(`${real.file}: ${real.withDiary.rows} rows (warm-up)`, () =>
    importOnce(first!, real.withDiary),
  );
  const runs: RealRun[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const withDiaryFirst = run % 2 === 1;
    const [withMember, withoutMember] = [pairs[2 * run]!, pairs[2 * run + 1]!];
    const label = `${real.file}, run ${run + 1} of ${options.runs}`;
    let withDiary: RealImportFigures | null = null;
    let withoutDiary: RealImportFigures | null = null;
    for (const diary of withDiaryFirst ? [true, false] : [false, true]) {
      if (diary)
        withDiary = await timed(`${label}: ${real.withDiary.rows} rows`, () =>
          importOnce(withMember, real.withDiary),
        );
      else
        withoutDiary = await timed(`${label}: ${real.withoutDiary.rows} rows without diary.csv`, () =>
          importOnce(withoutMember, real.withoutDiary),
        );
    }
    runs.push({ withDiaryFirst, withDiary: withDiary!, withoutDiary: withoutDiary! });
  }
  const again = await timed(`${real.file} again`, () => importOnce(first!, real.withDiary));
  const importers = [first!, ...runs.map((_, run) => pairs[2 * run]!)].map((member) => member.id);
  const readModels = await countDiary(url, importers);
  checkDiary(readModels, `imports of ${real.file}`, real.withDiary.viewings * importers.length);
  const others = await countDiary(
    url,
    runs.map((_, run) => pairs[2 * run + 1]!.id),
  );
  if (others.events + others.entries + others.keys > 0)
    throw new Error(`The imports without diary.csv wrote diary entries: ${JSON.stringify(others)}`);

  const withDiary = middleOf(runs.map((run) => run.withDiary));
  const withoutDiary = middleOf(runs.map((run) => run.withoutDiary));
  return {
    file: real.file,
    bytes: real.bytes,
    withDiary: withoutZip(real.withDiary),
    withoutDiary: withoutZip(real.withoutDiary),
    catalogue,
    warmUp,
    runs,
    again,
    median: { withDiary, withoutDiary },
    rowsPerSecondRatio: withDiary.rowsPerSecond / withoutDiary.rowsPerSecond,
    secondsRatio: withDiary.seconds / withoutDiary.seconds,
    diaryMsPerEntry: ((withDiary.seconds - withoutDiary.seconds) * 1_000) / real.withDiary.viewings,
    ratioToGenerated: withDiary.rowsPerSecond / generated.rowsPerSecond,
    readModels,
  };
}
