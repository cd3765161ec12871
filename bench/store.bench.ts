import { fileURLToPath } from 'node:url';
import { measureOurAppends } from './store/append.js';
import { measureOurCatchUp } from './store/catch-up.js';
import { BenchDatabases } from './store/databases.js';
import { measureEmmettAppends } from './store/emmett-append.js';
import { measureEmmettCatchUp } from './store/emmett-catch-up.js';
import { prefillEmmettMessages } from './store/emmett-prefill.js';
import { createEmmettSchema } from './store/emmett-store.js';
import { progress, runBench } from './shared/bench-cli.js';
import { describeMethod } from './store/method.js';
import { parseBenchOptions, type BenchOptions } from './store/options.js';
import { prefillOurEvents } from './store/prefill.js';
import { measureRawAppends } from './store/raw.js';
import { formatTable, targetsOf, type BenchReport } from './store/report.js';

const RESULTS_DIRECTORY = fileURLToPath(new URL('../../bench/results/', import.meta.url));

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  progress(`${label}...`);
  const begin = Date.now();
  const result = await work();
  progress(`${label}: done in ${((Date.now() - begin) / 1_000).toFixed(1)} s`);
  return result;
}

/** Runs `work` in a new database of its own, dropped afterwards to give its disk back. */
async function inFreshDatabase<T>(
  databases: BenchDatabases,
  purpose: string,
  migrate: boolean,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const url = await databases.create(purpose, { migrate });
  try {
    return await work(url);
  } finally {
    await databases.drop(url);
  }
}

async function measureStores(
  databases: BenchDatabases,
  options: BenchOptions,
): Promise<BenchReport['stores']> {
  const ourAppend = await inFreshDatabase(databases, 'ours_append', true, (url) =>
    timed('ours: appends', () => measureOurAppends(url, options)),
  );
  const rawAppend = await inFreshDatabase(databases, 'raw_append', true, (url) =>
    timed('raw: appends', () => measureRawAppends(url, options)),
  );
  const ourCatchUp = await inFreshDatabase(databases, 'ours_catch_up', true, async (url) => {
    await timed(`ours: prefill ${options.catchUpEvents} events`, () => prefillOurEvents(url, options));
    return timed('ours: catch-up', () => measureOurCatchUp(url, options));
  });
  const emmettAppend = await inFreshDatabase(databases, 'emmett_append', false, (url) =>
    timed('emmett: appends', () => measureEmmettAppends(url, options)),
  );
  const emmettCatchUp = await inFreshDatabase(databases, 'emmett_catch_up', false, async (url) => {
    await createEmmettSchema(url);
    await timed(`emmett: prefill ${options.catchUpEvents} events`, () => prefillEmmettMessages(url, options));
    return timed('emmett: catch-up', () => measureEmmettCatchUp(url, options));
  });
  return {
    ours: { append: ourAppend, catchUp: ourCatchUp },
    raw: { append: rawAppend, catchUp: null },
    emmett: { append: emmettAppend, catchUp: emmettCatchUp },
  };
}

const options = parseBenchOptions(process.argv.slice(2));
await runBench<BenchReport>({
  name: 'store',
  smoke: options.smoke,
  serverUrl: options.serverUrl,
  resultsDirectory: RESULTS_DIRECTORY,
  format: formatTable,
  measure: async (databases) => {
    const stores = await measureStores(databases, options);
    return { options, stores, targets: targetsOf(stores), method: describeMethod(options) };
  },
});
