import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the statistics benchmark measures, and how much of it. */
export interface StatsBenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench database on (its maintenance database). */
  readonly serverUrl: string;
  /** Films of the catalogue, with their directors, genres and countries. */
  readonly films: number;
  /** Diary entries of the measured member. */
  readonly diaryEntries: number;
  /** Distinct films among them (the rest are rewatches); every one is checked, with its first date. */
  readonly diaryFilms: number;
  /** Films the member checked with no diary entry (half with a date, half without). */
  readonly plainChecks: number;
  /** Viewing years the diary spreads over, up to last year. */
  readonly years: number;
  /** Other members, each with `otherFilms` checked films and as many diary entries: the tables are not the member's alone. */
  readonly otherMembers: number;
  readonly otherFilms: number;
  /** Requests of each kind before the measured ones, not counted. */
  readonly warmUp: number;
  /** Measured requests of each kind, taken in turn (one of each, then again), one at a time. */
  readonly requests: number;
}

/** The member: 5,000 diary entries. */
const FULL: Omit<StatsBenchOptions, 'serverUrl'> = {
  smoke: false,
  films: 50_000,
  diaryEntries: 5_000,
  diaryFilms: 3_500,
  plainChecks: 500,
  years: 12,
  otherMembers: 200,
  otherFilms: 400,
  warmUp: 30,
  requests: 300,
};

/** Seconds, for CI: every phase runs, on a small member. */
const SMOKE: Omit<StatsBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  films: 3_000,
  diaryEntries: 500,
  diaryFilms: 350,
  plainChecks: 50,
  otherMembers: 20,
  otherFilms: 100,
  warmUp: 3,
  requests: 20,
};

const NUMERIC_FLAGS = {
  '--films': 'films',
  '--diary-entries': 'diaryEntries',
  '--diary-films': 'diaryFilms',
  '--plain-checks': 'plainChecks',
  '--years': 'years',
  '--other-members': 'otherMembers',
  '--other-films': 'otherFilms',
  '--warm-up': 'warmUp',
  '--requests': 'requests',
} as const;

export function parseStatsBenchOptions(argv: readonly string[]): StatsBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:stats', NUMERIC_FLAGS, true);
  const options: StatsBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  const problems = [
    options.diaryFilms < 1 && '--diary-films must be at least 1',
    options.diaryEntries < options.diaryFilms && '--diary-entries must be at least --diary-films',
    options.diaryFilms + options.plainChecks > options.films &&
      '--diary-films and --plain-checks together must not exceed --films',
    options.otherFilms > options.films && '--other-films must not exceed --films',
    options.years < 1 && '--years must be at least 1',
    options.requests < 1 && '--requests must be at least 1',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return options;
}
