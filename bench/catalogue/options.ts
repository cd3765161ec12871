import { parseBenchArguments } from '../shared/bench-cli.js';
/** What one run of the catalogue benchmark measures, and how much of it. */
export interface CatalogueBenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench databases on (its maintenance database). */
  readonly serverUrl: string;
  /** Data lines of the generated title.basics.tsv. */
  readonly tsvRows: number;
  /** Films (with directors) in the search database. */
  readonly searchFilms: number;
  /** Concurrent HTTP connections of the load generator. */
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly searchSeconds: number;
}

const FULL: Omit<CatalogueBenchOptions, 'serverUrl'> = {
  smoke: false,
  tsvRows: 1_000_000,
  searchFilms: 100_000,
  connections: 16,
  warmUpSeconds: 3,
  searchSeconds: 20,
};

const SMOKE: Omit<CatalogueBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  tsvRows: 20_000,
  searchFilms: 5_000,
  warmUpSeconds: 1,
  searchSeconds: 3,
};

const NUMERIC_FLAGS = {
  '--tsv-rows': 'tsvRows',
  '--search-films': 'searchFilms',
  '--connections': 'connections',
  '--search-seconds': 'searchSeconds',
} as const;

export function parseCatalogueBenchOptions(argv: readonly string[]): CatalogueBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:catalogue', NUMERIC_FLAGS, false);
  return { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
}
