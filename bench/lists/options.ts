import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the lists benchmark measures, and how much of it. */
export interface ListsBenchOptions {
  readonly smoke: boolean;
  readonly serverUrl: string;
  readonly members: number;
  readonly films: number;
  /** Film-log events of the prefill: the members' checks the progress counts. */
  readonly events: number;
  /** Films of the official list (the most popular ones). */
  readonly listSize: number;
  /** Films the new edition drops (and as many it adds). */
  readonly editionChurn: number;
  /** Ranked personal lists of `listSize` films, one per re-ranking connection. */
  readonly rerankLists: number;
  /** Members whose tokens read the official list with their progress. */
  readonly readers: number;
  readonly prefillWriters: number;
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly loadSeconds: number;
  readonly aloneSeconds: number;
  readonly limitMs: number;
}

const FULL: Omit<ListsBenchOptions, 'serverUrl'> = {
  smoke: false,
  members: 100_000,
  films: 10_000,
  events: 1_000_000,
  listSize: 1_001,
  editionChurn: 100,
  rerankLists: 32,
  readers: 1_000,
  prefillWriters: 32,
  connections: 32,
  warmUpSeconds: 3,
  loadSeconds: 10,
  aloneSeconds: 3,
  limitMs: 900_000,
};

const SMOKE: Omit<ListsBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  members: 2_000,
  films: 300,
  events: 20_000,
  listSize: 101,
  editionChurn: 10,
  rerankLists: 4,
  readers: 50,
  connections: 8,
  warmUpSeconds: 1,
  loadSeconds: 2,
  aloneSeconds: 1,
  limitMs: 60_000,
};

const NUMERIC_FLAGS = {
  '--members': 'members',
  '--films': 'films',
  '--events': 'events',
  '--list-size': 'listSize',
  '--edition-churn': 'editionChurn',
  '--rerank-lists': 'rerankLists',
  '--readers': 'readers',
  '--prefill-writers': 'prefillWriters',
  '--connections': 'connections',
  '--load-seconds': 'loadSeconds',
} as const;

export function parseListsBenchOptions(argv: readonly string[]): ListsBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:lists', NUMERIC_FLAGS, false);
  const options: ListsBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  if (options.listSize + options.editionChurn > options.films) {
    throw new Error('--list-size plus --edition-churn must not exceed --films');
  }
  if (options.readers + options.rerankLists + 1 > options.members) {
    throw new Error('--readers plus --rerank-lists must stay under --members');
  }
  return options;
}
