import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the festival benchmark measures, and how much of it. */
export interface FestivalBenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench database on (its maintenance database). */
  readonly serverUrl: string;
  /** Films of the catalogue; the edition selects the first `editionFilms`, the film-log load taps them all. */
  readonly films: number;
  readonly editionFilms: number;
  readonly screenings: number;
  /** Days of the edition, from its first to its last. */
  readonly days: number;
  /** Members, each with a plan for the edition (and some of the film log). */
  readonly members: number;
  /** Screenings a plan holds, each member drawing between the two. */
  readonly planMin: number;
  readonly planMax: number;
  /** Film-log events of the prefill, so the film-log side is not measured on an empty log. */
  readonly filmLogEvents: number;
  /** Members whose tokens drive the loads. */
  readonly loadMembers: number;
  /** Concurrent appends of the prefill. */
  readonly prefillWriters: number;
  /** HTTP connections of every load. */
  readonly connections: number;
  /** Before each load of the first round, discarded. */
  readonly warmUpSeconds: number;
  /** Each load, each round. */
  readonly loadSeconds: number;
  /** Every load runs once a round, in the same order: the film-log references beside the festival loads. */
  readonly rounds: number;
  /** Events per projection batch: the engine's default, which the service runs with. */
  readonly projectionBatchSize: number;
  /** A catch-up not finished by then stops the run. */
  readonly limitMs: number;
}

/** The edition: 400 films, 1,500 screenings, 50,000 members with plans of 5–20 screenings. */
const FULL: Omit<FestivalBenchOptions, 'serverUrl'> = {
  smoke: false,
  films: 5_000,
  editionFilms: 400,
  screenings: 1_500,
  days: 12,
  members: 50_000,
  planMin: 5,
  planMax: 20,
  filmLogEvents: 100_000,
  loadMembers: 512,
  prefillWriters: 16,
  connections: 32,
  warmUpSeconds: 3,
  loadSeconds: 5,
  rounds: 3,
  projectionBatchSize: 500,
  limitMs: 600_000,
};

/** Seconds, for CI: every phase runs, on a small edition. */
const SMOKE: Omit<FestivalBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  films: 400,
  editionFilms: 40,
  screenings: 120,
  days: 4,
  members: 1_000,
  filmLogEvents: 5_000,
  loadMembers: 64,
  warmUpSeconds: 1,
  loadSeconds: 2,
  rounds: 1,
  limitMs: 60_000,
};

const NUMERIC_FLAGS = {
  '--films': 'films',
  '--edition-films': 'editionFilms',
  '--screenings': 'screenings',
  '--days': 'days',
  '--members': 'members',
  '--plan-min': 'planMin',
  '--plan-max': 'planMax',
  '--film-log-events': 'filmLogEvents',
  '--load-members': 'loadMembers',
  '--prefill-writers': 'prefillWriters',
  '--connections': 'connections',
  '--warm-up-seconds': 'warmUpSeconds',
  '--load-seconds': 'loadSeconds',
  '--rounds': 'rounds',
  '--projection-batch-size': 'projectionBatchSize',
} as const;

export function parseFestivalBenchOptions(argv: readonly string[]): FestivalBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:festival', NUMERIC_FLAGS, true);
  const options: FestivalBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  const problems = [
    options.editionFilms < 3 &&
      '--edition-films must be at least 3 (an opening and a closing gala, and a film)',
    options.editionFilms > options.films && '--edition-films must not exceed --films',
    options.screenings < options.editionFilms && '--screenings must be at least --edition-films (one each)',
    options.days < 1 && '--days must be at least 1',
    options.planMin < 1 && '--plan-min must be at least 1',
    options.planMin > options.planMax && '--plan-min must not exceed --plan-max',
    options.planMax > options.screenings && '--plan-max must not exceed --screenings',
    options.loadMembers < 1 && '--load-members must be at least 1',
    options.loadMembers + 1 > options.members &&
      '--load-members must stay under --members (one is the admin)',
    options.filmLogEvents < 1 && '--film-log-events must be at least 1',
    options.filmLogEvents > options.members * options.films && '--film-log-events exceeds members × films',
    options.connections < 1 && '--connections must be at least 1',
    options.loadSeconds < 1 && '--load-seconds must be at least 1',
    options.rounds < 1 && '--rounds must be at least 1',
    options.prefillWriters < 1 && '--prefill-writers must be at least 1',
    options.projectionBatchSize < 1 && '--projection-batch-size must be at least 1',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return options;
}
