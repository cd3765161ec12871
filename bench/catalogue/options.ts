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

const USAGE = `Usage: npm run bench:catalogue -- [--smoke] [--server-url=postgres://...]
  [${Object.keys(NUMERIC_FLAGS)
    .map((flag) => `${flag}=N`)
    .join('] [')}]`;

export function parseCatalogueBenchOptions(argv: readonly string[]): CatalogueBenchOptions {
  const smoke = argv.includes('--smoke');
  const numbers: Record<string, number> = {};
  let serverUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const argument of argv) {
    if (argument === '--smoke') continue;
    const [flag = '', value = ''] = argument.split('=', 2);
    if (flag === '--server-url' && value) {
      serverUrl = value;
    } else if (flag in NUMERIC_FLAGS && /^[1-9]\d*$/.test(value)) {
      numbers[NUMERIC_FLAGS[flag as keyof typeof NUMERIC_FLAGS]] = Number(value);
    } else {
      throw new Error(`Unknown or malformed argument ${argument}\n${USAGE}`);
    }
  }
  return { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
}
