import { parseBenchArguments } from '../shared/bench-cli.js';

/** What one run of the export benchmark writes and measures. */
export interface ExportBenchOptions {
  readonly smoke: boolean;
  readonly serverUrl: string;
  readonly films: number;
  /** Films the member has a mark on. */
  readonly marks: number;
  readonly diaryEntries: number;
  readonly comments: number;
  /** Films on the member's lists, a hundred a list. */
  readonly listItems: number;
  /** Events of other members in the log, which the export reads past. */
  readonly otherEvents: number;
  /** Measured runs of each (the export and the baseline), after one warm-up run of each. */
  readonly runs: number;
}

/** The member: 20,000 marks, 5,000 diary entries, 1,000 comments. */
const FULL: Omit<ExportBenchOptions, 'serverUrl'> = {
  smoke: false,
  films: 25_000,
  marks: 20_000,
  diaryEntries: 5_000,
  comments: 1_000,
  listItems: 500,
  otherEvents: 100_000,
  runs: 3,
};

const SMOKE: Omit<ExportBenchOptions, 'serverUrl'> = {
  smoke: true,
  films: 600,
  marks: 500,
  diaryEntries: 200,
  comments: 50,
  listItems: 100,
  otherEvents: 1_000,
  runs: 1,
};

export function parseExportBenchOptions(argv: readonly string[]): ExportBenchOptions {
  const { smoke, serverUrl, numbers } = parseBenchArguments(
    argv,
    'bench:export',
    {
      '--films': 'films',
      '--marks': 'marks',
      '--diary-entries': 'diaryEntries',
      '--comments': 'comments',
      '--list-items': 'listItems',
      '--other-events': 'otherEvents',
      '--runs': 'runs',
    } as const,
    false,
  );
  return { ...(smoke ? SMOKE : FULL), ...numbers, smoke, serverUrl };
}
