import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchDatabases } from '../store/databases.js';
import { describeMachine, loadAverage, type MachineInfo } from '../store/machine.js';

/** Where every bench keeps its JSON results. */
const RESULTS_DIRECTORY = fileURLToPath(new URL('../../../bench/results/', import.meta.url));

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export const progress = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

/** Runs one phase of a bench, saying on stderr when it starts and how long it took. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  progress(`${label}...`);
  const begin = Date.now();
  const result = await work();
  progress(`${label}: done in ${((Date.now() - begin) / 1_000).toFixed(1)} s`);
  return result;
}

/**
 * `--smoke`, `--server-url=…` and the bench's own numeric flags; anything else stops the run
 * with the usage line. `allowZero` lets a flag be 0 (e.g. no warm-up).
 */
export function parseBenchArguments<Key extends string>(
  argv: readonly string[],
  script: string,
  numericFlags: Readonly<Record<string, Key>>,
  allowZero = true,
): { smoke: boolean; serverUrl: string; numbers: Partial<Record<Key, number>> } {
  const usage = `Usage: npm run ${script} -- [--smoke] [--server-url=postgres://...]
  [${Object.keys(numericFlags)
    .map((flag) => `${flag}=N`)
    .join('] [')}]`;
  const numbers: Partial<Record<Key, number>> = {};
  let serverUrl = DEFAULT_SERVER_URL;
  const number = allowZero ? /^\d+$/ : /^[1-9]\d*$/;
  for (const argument of argv) {
    if (argument === '--smoke') continue;
    const [flag = '', value = ''] = argument.split('=', 2);
    if (flag === '--server-url' && value) {
      serverUrl = value;
    } else if (flag in numericFlags && number.test(value)) {
      numbers[numericFlags[flag]!] = Number(value);
    } else {
      throw new Error(`Unknown or malformed argument ${argument}\n${usage}`);
    }
  }
  return { smoke: argv.includes('--smoke'), serverUrl, numbers };
}

export interface BenchRun {
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly loadAverage: { atStart: number[]; atEnd: number[] };
}

/**
 * What every bench does around its measurements: describe the machine, drop its databases on
 * the way out (Ctrl-C included), print the table and keep the JSON in bench/results/.
 */
export async function runBench<Report extends object>(run: {
  readonly name: string;
  /** The bench's parsed options: a smoke run or not, and the server to make its databases on. */
  readonly options: { readonly smoke: boolean; readonly serverUrl: string };
  readonly measure: (databases: BenchDatabases) => Promise<Omit<Report, keyof BenchRun>>;
  readonly format: (report: Report) => string;
}): Promise<void> {
  const startedAt = new Date().toISOString();
  const atStart = loadAverage();
  const databases = new BenchDatabases(run.options.serverUrl);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: dropping the bench databases`);
      void databases.dropAll().finally(() => process.exit(130));
    });
  }
  try {
    const machine = await describeMachine(run.options.serverUrl);
    progress(
      `${run.options.smoke ? 'smoke' : 'full'} run on ${machine.cpuModel} (${machine.cores} cores), PostgreSQL ${machine.postgres}`,
    );
    const figures = await run.measure(databases);
    const report = {
      startedAt,
      machine,
      loadAverage: { atStart, atEnd: loadAverage() },
      ...figures,
    } as unknown as Report;
    process.stdout.write(`\n${run.format(report)}\n\n`);
    await mkdir(RESULTS_DIRECTORY, { recursive: true });
    const file = path.join(RESULTS_DIRECTORY, `${run.name}-${startedAt.replaceAll(':', '-')}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    progress(`written to ${file}`);
  } finally {
    await databases.dropAll();
  }
}
