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
  /** Measured seconds of each request on each target, in `rounds` alternating slices. */
  readonly seconds: number;
  readonly rounds: number;
  readonly openLoopSeconds: number;
  /** Connections of the floor's pool. */
  readonly floorPoolSize: number;
  /** 0: one process in the `all` role (as `npm start`); N: N `api` processes and one `worker`. */
  readonly apiProcesses: number;
  /** Only the requests whose label contains this (e.g. `health`). */
  readonly only: string | null;
  /** Run the service with --cpu-prof and summarise where its time went. */
  readonly profile: boolean;
}

const FULL: Omit<HttpBenchOptions, 'serverUrl'> = {
  smoke: false,
  films: 5_000,
  members: 64,
  filmsPerMember: 100,
  connections: 32,
  warmUpSeconds: 3,
  seconds: 10,
  rounds: 5,
  openLoopSeconds: 10,
  floorPoolSize: 10,
  apiProcesses: 0,
  only: null,
  profile: false,
};

const SMOKE: Omit<HttpBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  films: 200,
  members: 8,
  filmsPerMember: 20,
  warmUpSeconds: 1,
  seconds: 1,
  rounds: 1,
  openLoopSeconds: 1,
};

const NUMERIC_FLAGS = {
  '--films': 'films',
  '--members': 'members',
  '--films-per-member': 'filmsPerMember',
  '--connections': 'connections',
  '--warm-up-seconds': 'warmUpSeconds',
  '--seconds': 'seconds',
  '--rounds': 'rounds',
  '--open-loop-seconds': 'openLoopSeconds',
  '--floor-pool-size': 'floorPoolSize',
  '--api-processes': 'apiProcesses',
} as const;

export function parseHttpBenchOptions(argv: readonly string[]): HttpBenchOptions {
  const only = argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length) ?? null;
  const profile = argv.includes('--profile');
  const rest = argv.filter((argument) => argument !== '--profile' && !argument.startsWith('--only='));
  const { smoke, serverUrl, numbers } = parseBenchArguments(rest, 'bench:http', NUMERIC_FLAGS);
  const options = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl, only, profile };
  for (const key of [
    'films',
    'members',
    'filmsPerMember',
    'connections',
    'seconds',
    'rounds',
    'openLoopSeconds',
  ] as const) {
    if (options[key] < 1)
      throw new Error(
        `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} must be at least 1`,
      );
  }
  return options;
}
