import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the imports benchmark measures, and how much of it. */
export interface ImportsBenchOptions {
  readonly smoke: boolean;
  readonly serverUrl: string;
  readonly films: number;
  /** Rows of the export's diary.csv (some rewatches among them). */
  readonly diaryRows: number;
  /** Rows of watchlist.csv, films not in the diary. */
  readonly watchlistRows: number;
  /** Rows of likes/films.csv, films of the diary. */
  readonly likeRows: number;
  /** Imports of the real Kev export, each with and without its diary.csv (by two fresh members). */
  readonly kevRuns: number;
  readonly limitMs: number;
}

const FULL: Omit<ImportsBenchOptions, 'serverUrl'> = {
  smoke: false,
  films: 100_000,
  diaryRows: 20_000,
  watchlistRows: 5_000,
  likeRows: 2_000,
  kevRuns: 5,
  limitMs: 600_000,
};

const SMOKE: Omit<ImportsBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  films: 3_000,
  diaryRows: 500,
  watchlistRows: 150,
  likeRows: 50,
  kevRuns: 1,
  limitMs: 60_000,
};

const NUMERIC_FLAGS = {
  '--films': 'films',
  '--diary-rows': 'diaryRows',
  '--watchlist-rows': 'watchlistRows',
  '--like-rows': 'likeRows',
  '--kev-runs': 'kevRuns',
} as const;

export function parseImportsBenchOptions(argv: readonly string[]): ImportsBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:imports', NUMERIC_FLAGS, false);
  const options: ImportsBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  if (options.likeRows > options.diaryRows) throw new Error('--like-rows must not exceed --diary-rows');
  return options;
}
