import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the comments benchmark measures, and how much of it. */
export interface CommentsBenchOptions {
  readonly smoke: boolean;
  /** Server to create the bench database on (its maintenance database). */
  readonly serverUrl: string;
  readonly members: number;
  readonly films: number;
  /** Comments written by the prefill, the reported ones included. */
  readonly comments: number;
  /** Comments with reports awaiting review: the open items of the moderation queue. */
  readonly openItems: number;
  /** Comments a moderator already hid: the resolved items. */
  readonly resolvedItems: number;
  /** Members whose tokens post during the write load. */
  readonly posters: number;
  readonly prefillWriters: number;
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly loadSeconds: number;
  readonly aloneSeconds: number;
  /** A catch-up or the auto-hide jobs not finished by then stop the run. */
  readonly limitMs: number;
}

const FULL: Omit<CommentsBenchOptions, 'serverUrl'> = {
  smoke: false,
  members: 20_000,
  films: 2_000,
  comments: 50_000,
  openItems: 10_000,
  resolvedItems: 2_000,
  posters: 1_000,
  prefillWriters: 32,
  connections: 32,
  warmUpSeconds: 3,
  loadSeconds: 10,
  aloneSeconds: 3,
  limitMs: 600_000,
};

const SMOKE: Omit<CommentsBenchOptions, 'serverUrl'> = {
  ...FULL,
  smoke: true,
  members: 500,
  films: 50,
  comments: 1_000,
  openItems: 200,
  resolvedItems: 40,
  posters: 50,
  warmUpSeconds: 1,
  loadSeconds: 2,
  aloneSeconds: 1,
  limitMs: 60_000,
};

const NUMERIC_FLAGS = {
  '--members': 'members',
  '--films': 'films',
  '--comments': 'comments',
  '--open-items': 'openItems',
  '--resolved-items': 'resolvedItems',
  '--posters': 'posters',
  '--prefill-writers': 'prefillWriters',
  '--connections': 'connections',
  '--load-seconds': 'loadSeconds',
} as const;

export function parseCommentsBenchOptions(argv: readonly string[]): CommentsBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(argv, 'bench:comments', NUMERIC_FLAGS, false);
  const options: CommentsBenchOptions = { ...(smoke ? SMOKE : FULL), ...numbers, serverUrl };
  if (options.openItems + options.resolvedItems > options.comments) {
    throw new Error('--open-items plus --resolved-items must not exceed --comments');
  }
  if (options.posters >= options.members || options.members < 10) {
    throw new Error('--posters must stay under --members, and --members be at least 10');
  }
  return options;
}
