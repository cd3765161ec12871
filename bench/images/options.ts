import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the posters benchmark measures, and how much of it. */
export interface ImagesBenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench database on (its maintenance database). */
  readonly serverUrl: string;
  /** Films of the catalogue; the first `posters` of them get one. */
  readonly films: number;
  /** Posters uploaded, one at a time, each beside the bare resize of the same bytes. */
  readonly posters: number;
  /** Uploads (and bare resizes) before the measured ones, not counted. */
  readonly warmUp: number;
  /** Connections of each GET load. */
  readonly connections: number;
  readonly warmUpSeconds: number;
  /** Seconds of each measured GET load (service and floor, plain and 304). */
  readonly loadSeconds: number;
}

const FULL: Omit<ImagesBenchOptions, 'serverUrl'> = {
  smoke: false,
  films: 1_000,
  posters: 150,
  warmUp: 5,
  connections: 32,
  warmUpSeconds: 3,
  loadSeconds: 15,
};

/** Seconds, for CI: every phase runs, on a few posters. */
const SMOKE: Omit<ImagesBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  films: 50,
  posters: 6,
  warmUp: 1,
  warmUpSeconds: 1,
  loadSeconds: 1,
};

const NUMERIC_FLAGS = {
  '--films': 'films',
  '--posters': 'posters',
  '--warm-up': 'warmUp',
  '--connections': 'connections',
  '--warm-up-seconds': 'warmUpSeconds',
  '--load-seconds': 'loadSeconds',
} as const;

export function parseImagesBenchOptions(argv: readonly string[]): ImagesBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:images', NUMERIC_FLAGS, true);
  const options: ImagesBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  const problems = [
    options.posters < 2 && '--posters must be at least 2',
    options.posters + options.warmUp >= options.films &&
      '--films must exceed --posters and --warm-up together (one film stays without a poster)',
    options.connections < 1 && '--connections must be at least 1',
    options.loadSeconds < 1 && '--load-seconds must be at least 1',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return options;
}
