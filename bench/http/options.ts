import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the HTTP hot-path benchmark measures, and how much of it. */
export interface HttpBenchOptions {
  readonly smoke: boolean;
  readonly serverUrl: string;
  readonly films: number;
  /** Members registered over HTTP whose tokens drive the load. */
  readonly members: number;
  /** Films each member taps in turn: members × this many (member, film) streams. */
  readonly filmsPerMember: number;
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly seconds: number;
  readonly openLoopSeconds: number;
  /** Connections of each of the floor's two pools. */
  readonly floorPoolSize: number;
}

const FULL: Omit<HttpBenchOptions, 'serverUrl'> = {
  smoke: false,
  films: 5_000,
  members: 64,
  filmsPerMember: 100,
  connections: 32,
  warmUpSeconds: 3,
  seconds: 10,
  openLoopSeconds: 10,
  floorPoolSize: 10,
};

const SMOKE: Omit<HttpBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  films: 200,
  members: 8,
  filmsPerMember: 20,
  warmUpSeconds: 1,
  seconds: 1,
  openLoopSeconds: 1,
};

const NUMERIC_FLAGS = {
  '--films': 'films',
  '--members': 'members',
  '--films-per-member': 'filmsPerMember',
  '--connections': 'connections',
  '--warm-up-seconds': 'warmUpSeconds',
  '--seconds': 'seconds',
  '--open-loop-seconds': 'openLoopSeconds',
  '--floor-pool-size': 'floorPoolSize',
} as const;

export function parseHttpBenchOptions(argv: readonly string[]): HttpBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:http', NUMERIC_FLAGS, false);
  return { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
}
