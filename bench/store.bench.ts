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

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  progress(`${label}...`);
  const begin = Date.now();
  const result = await work();
  progress(`${label}: done in ${((Date.now() - begin) / 1_000).toFixed(1)} s`);
  return result;
}

async function measureStores(
  databases: BenchDatabases,
  options: BenchOptions,
): Promise<BenchReport['stores']> {
  const ourAppend = await databases.inFresh('ours_append', (url) =>
    timed('ours: appends', () => measureOurAppends(url, options)),
  );
  const rawAppend = await databases.inFresh('raw_append', (url) =>
    timed('raw: appends', () => measureRawAppends(url, options)),
  );
  const ourCatchUp = await databases.inFresh('ours_catch_up', async (url) => {
    await timed(`ours: prefill ${options.catchUpEvents} events`, () => prefillOurEvents(url, options));
    return timed('ours: catch-up', () => measureOurCatchUp(url, options));
  });
  // Emmett makes its own schema: these databases stay empty of ours.
  const emmettAppend = await databases.inFresh(
    'emmett_append',
    (url) => timed('emmett: appends', () => measureEmmettAppends(url, options)),
    { migrate: false },
  );
  const emmettCatchUp = await databases.inFresh(
    'emmett_catch_up',
    async (url) => {
      await createEmmettSchema(url);
      await timed(`emmett: prefill ${options.catchUpEvents} events`, () =>
        prefillEmmettMessages(url, options),
      );
      return timed('emmett: catch-up', () => measureEmmettCatchUp(url, options));
    },
    { migrate: false },
  );
  return {
    ours: { append: ourAppend, catchUp: ourCatchUp },
    raw: { append: rawAppend, catchUp: null },
    emmett: { append: emmettAppend, catchUp: emmettCatchUp },
  };
}

const options = parseBenchOptions(process.argv.slice(2));
await runBench<BenchReport>({
  name: 'store',
  options,
  format: formatTable,
  measure: async (databases) => {
    const stores = await measureStores(databases, options);
    return { options, stores, targets: targetsOf(stores), method: describeMethod(options) };
  },
});
