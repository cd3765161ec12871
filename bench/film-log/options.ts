import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the film-log benchmark measures, and how much of it. */
export interface FilmLogBenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench databases on (its maintenance database). */
  readonly serverUrl: string;
  /** Film-log events written by the prefill. */
  readonly events: number;
  readonly films: number;
  /** Members the prefilled streams belong to (the load members among them). */
  readonly members: number;
  /** Members registered over HTTP whose tokens drive the load. */
  readonly loadMembers: number;
  /** Concurrent appends of the prefill. */
  readonly prefillWriters: number;
  /** Concurrent clients of the raw INSERT baseline, and HTTP connections of every load. */
  readonly connections: number;
  readonly rawWarmUpMs: number;
  readonly rawMs: number;
  readonly warmUpSeconds: number;
  readonly commandSeconds: number;
  /** The diary writes (POST /me/diary), after the ratings. */
  readonly diarySeconds: number;
  /** Each of the two read loads. */
  readonly readSeconds: number;
  /** Events per projection batch: the engine's default, which the service runs with. */
  readonly projectionBatchSize: number;
  /** A catch-up or rebuild not finished by then stops the run. */
  readonly projectionLimitMs: number;
}

const FULL: Omit<FilmLogBenchOptions, 'serverUrl'> = {
  smoke: false,
  events: 1_000_000,
  films: 10_000,
  members: 100_000,
  loadMembers: 500,
  prefillWriters: 32,
  connections: 32,
  rawWarmUpMs: 2_000,
  rawMs: 10_000,
  warmUpSeconds: 3,
  commandSeconds: 20,
  diarySeconds: 10,
  readSeconds: 10,
  projectionBatchSize: 500,
  projectionLimitMs: 600_000,
};

const SMOKE: Omit<FilmLogBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  events: 20_000,
  films: 200,
  members: 2_000,
  loadMembers: 40,
  rawWarmUpMs: 300,
  rawMs: 1_000,
  warmUpSeconds: 1,
  commandSeconds: 2,
  diarySeconds: 2,
  readSeconds: 2,
  projectionLimitMs: 60_000,
};

const NUMERIC_FLAGS = {
  '--events': 'events',
  '--films': 'films',
  '--members': 'members',
  '--load-members': 'loadMembers',
  '--prefill-writers': 'prefillWriters',
  '--connections': 'connections',
  '--command-seconds': 'commandSeconds',
  '--diary-seconds': 'diarySeconds',
  '--read-seconds': 'readSeconds',
  '--projection-batch-size': 'projectionBatchSize',
} as const;

export function parseFilmLogBenchOptions(argv: readonly string[]): FilmLogBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:film-log', NUMERIC_FLAGS, false);
  const options: FilmLogBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  if (options.loadMembers > options.members) {
    throw new Error('--load-members must not exceed --members: the load members have prefilled streams');
  }
  if (options.films < 2) throw new Error('--films must be at least 2 (one is kept for the freshness probe)');
  return options;
}
