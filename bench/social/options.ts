import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the social benchmark measures, and how much of it. */
export interface SocialBenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench database on (its maintenance database). */
  readonly serverUrl: string;
  readonly members: number;
  readonly films: number;
  /** Film-log events written by the prefill; the activity projection makes its rows from them. */
  readonly events: number;
  /** Members who follow others (the readers aside); the rest follow no one. */
  readonly followingMembers: number;
  /** The median number each of them follows. */
  readonly medianFollowees: number;
  /** Members whose tokens drive the signed-in loads, each following `readerFollowees`. */
  readonly readers: number;
  readonly readerFollowees: number;
  /** Concurrent appends of the prefill. */
  readonly prefillWriters: number;
  /** HTTP connections of every load. */
  readonly connections: number;
  readonly warmUpSeconds: number;
  /** Each of the four loads. */
  readonly loadSeconds: number;
  /** Each of the four again on one connection. */
  readonly aloneSeconds: number;
  /** Events per batch of the rebuild: the engine's default, which the service runs with. */
  readonly projectionBatchSize: number;
  /** A catch-up or rebuild not finished by then stops the run. */
  readonly projectionLimitMs: number;
}

const FULL: Omit<SocialBenchOptions, 'serverUrl'> = {
  smoke: false,
  members: 100_000,
  films: 10_000,
  events: 2_000_000,
  followingMembers: 20_000,
  medianFollowees: 50,
  readers: 20,
  readerFollowees: 500,
  prefillWriters: 32,
  connections: 32,
  warmUpSeconds: 3,
  loadSeconds: 10,
  aloneSeconds: 3,
  projectionBatchSize: 1_000,
  projectionLimitMs: 900_000,
};

const SMOKE: Omit<SocialBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  members: 2_000,
  films: 200,
  events: 20_000,
  followingMembers: 400,
  medianFollowees: 20,
  readers: 4,
  readerFollowees: 100,
  warmUpSeconds: 1,
  loadSeconds: 2,
  aloneSeconds: 1,
  projectionLimitMs: 60_000,
};

const NUMERIC_FLAGS = {
  '--members': 'members',
  '--films': 'films',
  '--events': 'events',
  '--following-members': 'followingMembers',
  '--median-followees': 'medianFollowees',
  '--readers': 'readers',
  '--reader-followees': 'readerFollowees',
  '--prefill-writers': 'prefillWriters',
  '--connections': 'connections',
  '--load-seconds': 'loadSeconds',
  '--projection-batch-size': 'projectionBatchSize',
} as const;

export function parseSocialBenchOptions(argv: readonly string[]): SocialBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:social', NUMERIC_FLAGS, false);
  const options: SocialBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  if (options.followingMembers + options.readers > options.members) {
    throw new Error('--following-members plus --readers must not exceed --members');
  }
  if (Math.max(options.readerFollowees, options.medianFollowees) >= options.members / 2) {
    throw new Error('--reader-followees and --median-followees must stay under half of --members');
  }
  return options;
}
