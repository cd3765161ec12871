import { parseBenchArguments } from '../shared/bench-cli.js';
/** What one run of the store benchmark measures, and how much of it. */
export interface BenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench databases on (its maintenance database). */
  readonly serverUrl: string;
  /** Concurrent writers, and the size of every writer's connection pool. */
  readonly writers: number;
  readonly warmUpMs: number;
  /** The measured append phase ends at this duration or count, whichever comes first. */
  readonly appendMs: number;
  readonly appendCount: number;
  readonly catchUpEvents: number;
  readonly catchUpBatchSize: number;
  /** Rows per committed transaction when prefilling the catch-up log. */
  readonly prefillChunk: number;
  /** A catch-up still reading after this long is stopped, and its rate so far reported as incomplete. */
  readonly catchUpLimitMs: number;
}

const FULL: Omit<BenchOptions, 'serverUrl'> = {
  smoke: false,
  writers: 32,
  warmUpMs: 2_000,
  appendMs: 10_000,
  appendCount: 100_000,
  catchUpEvents: 1_000_000,
  catchUpBatchSize: 1_000,
  prefillChunk: 50_000,
  catchUpLimitMs: 60_000,
};

const SMOKE: Omit<BenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  warmUpMs: 300,
  appendMs: 1_000,
  appendCount: 10_000,
  catchUpEvents: 10_000,
  prefillChunk: 10_000,
  catchUpLimitMs: 10_000,
};

/** The prefilled log holds streams of this many events. */
export const EVENTS_PER_STREAM = 10;

const NUMERIC_FLAGS = {
  '--writers': 'writers',
  '--warm-up-ms': 'warmUpMs',
  '--append-ms': 'appendMs',
  '--append-count': 'appendCount',
  '--catch-up-events': 'catchUpEvents',
  '--catch-up-limit-ms': 'catchUpLimitMs',
} as const;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:store', NUMERIC_FLAGS);
  const options: BenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  if (options.catchUpEvents % EVENTS_PER_STREAM !== 0) {
    throw new Error(`--catch-up-events must be a multiple of ${EVENTS_PER_STREAM} (events per stream)`);
  }
  return options;
}
