import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one soak run seeds, how it finds the load to hold, and for how long it holds it. */
export interface SoakOptions {
  readonly smoke: boolean;
  /** Server to create the soak's database on (its maintenance database). */
  readonly serverUrl: string;
  readonly films: number;
  readonly members: number;
  /** Film-log events of the seed, before the load adds its own. */
  readonly events: number;
  /** Members the load acts as (tokens minted), each following `activeFollowees`. */
  readonly activeMembers: number;
  readonly activeFollowees: number;
  /** Other members who follow someone (a median of `medianFollowees`), so follower counts vary. */
  readonly followingMembers: number;
  readonly medianFollowees: number;
  /** Public ranked lists of active members, which the load edits, each starting with `listSize` films. */
  readonly lists: number;
  readonly listSize: number;
  readonly prefillWriters: number;
  /** The calibration: this many requests in flight at once, as many as the service answers. */
  readonly calibrationConnections: number;
  readonly calibrationSeconds: number;
  /** Skips the calibration and holds half of this instead (0: calibrate). */
  readonly maxRps: number;
  /** The soak itself, at half the maximum. */
  readonly durationSeconds: number;
  /** One line of the table per window. */
  readonly windowSeconds: number;
  /** Memory and projection lag are sampled this often. */
  readonly sampleSeconds: number;
  /** The RSS slope is fitted to the samples after this much of the soak. */
  readonly warmUpSeconds: number;
  /** On a server with autovacuum off, the soak vacuums the database this often (0: never). */
  readonly vacuumEverySeconds: number;
  /** Requests left unanswered after this count as errors. */
  readonly requestTimeoutMs: number;
  /** Catching up on the seed not done by then stops the run. */
  readonly catchUpLimitMs: number;
}

const FULL: Omit<SoakOptions, 'serverUrl'> = {
  smoke: false,
  films: 5_000,
  members: 5_000,
  events: 200_000,
  activeMembers: 1_000,
  activeFollowees: 40,
  followingMembers: 1_000,
  medianFollowees: 20,
  lists: 200,
  listSize: 100,
  prefillWriters: 16,
  calibrationConnections: 32,
  calibrationSeconds: 20,
  maxRps: 0,
  durationSeconds: 600,
  windowSeconds: 10,
  sampleSeconds: 2,
  warmUpSeconds: 60,
  vacuumEverySeconds: 60,
  requestTimeoutMs: 30_000,
  catchUpLimitMs: 300_000,
};

/** Small enough for CI: the whole run, service start-ups included, in about 30 seconds. */
const SMOKE: Omit<SoakOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  films: 300,
  members: 400,
  events: 4_000,
  activeMembers: 100,
  activeFollowees: 10,
  followingMembers: 50,
  medianFollowees: 10,
  lists: 20,
  listSize: 20,
  calibrationConnections: 16,
  calibrationSeconds: 3,
  durationSeconds: 8,
  windowSeconds: 2,
  sampleSeconds: 1,
  warmUpSeconds: 2,
  vacuumEverySeconds: 0,
  catchUpLimitMs: 30_000,
};

const NUMERIC_FLAGS = {
  '--films': 'films',
  '--members': 'members',
  '--events': 'events',
  '--active-members': 'activeMembers',
  '--lists': 'lists',
  '--calibration-connections': 'calibrationConnections',
  '--calibration-seconds': 'calibrationSeconds',
  '--max-rps': 'maxRps',
  '--duration': 'durationSeconds',
  '--window': 'windowSeconds',
  '--warm-up': 'warmUpSeconds',
  '--vacuum-every': 'vacuumEverySeconds',
} as const;

/** `--duration 120` as well as `--duration=120`: what people type. */
function joinSeparatedValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const value = argv[index + 1];
    if (argument in NUMERIC_FLAGS && value !== undefined && /^\d+$/.test(value)) {
      joined.push(`${argument}=${value}`);
      index += 1;
    } else {
      joined.push(argument);
    }
  }
  return joined;
}

export function parseSoakOptions(argv: readonly string[]): SoakOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(joinSeparatedValues(argv), 'soak', NUMERIC_FLAGS);
  const options: SoakOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  if (options.activeMembers + options.followingMembers > options.members || options.activeMembers < 10) {
    throw new Error('--active-members must be at least 10, and with the following members within --members');
  }
  if (options.lists > options.activeMembers) throw new Error('--lists must not exceed --active-members');
  if (options.listSize * 2 > options.films) throw new Error('--films must hold twice the list size');
  if (options.durationSeconds < options.windowSeconds * 3 || options.windowSeconds < 1) {
    throw new Error('--duration must hold at least three windows of --window seconds');
  }
  if (options.warmUpSeconds >= options.durationSeconds) throw new Error('--warm-up must be under --duration');
  if (options.maxRps === 0 && options.calibrationSeconds < 2)
    throw new Error('--calibration-seconds must be at least 2');
  return options;
}
