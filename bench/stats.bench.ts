import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { withRunningApp } from './catalogue/search-load.js';
import { fillFilms, settle } from './film-log/prefill.js';
import { runBench, timed } from './shared/bench-cli.js';
import { fillStatsDataset } from './stats/dataset.js';
import { checkAnswers, measureInTurn } from './stats/measures.js';
import { parseStatsBenchOptions, type StatsBenchOptions } from './stats/options.js';
import { describeMethod, formatReport, ratiosOf, targetsOf, type StatsBenchReport } from './stats/report.js';
import type { BenchDatabases } from './store/databases.js';

/** The api alone: the statistics read no projection's progress, and nothing is written. */
const SERVICE_ENV = { REDIS_KEY_PREFIX: `filmlog-bench-stats-${randomBytes(4).toString('hex')}:` };

async function measure(databases: BenchDatabases, options: StatsBenchOptions) {
  const begin = performance.now();
  return databases.inFresh('stats', async (url) => {
    const { ids: filmIds, figures: films } = await timed(`fill ${options.films} films`, () =>
      fillFilms(url, options.films),
    );
    const dataset = await timed(`the member's ${options.diaryEntries} diary entries, and other members`, () =>
      fillStatsDataset(url, options, filmIds),
    );
    await timed('vacuum (analyze), checkpoint', () => settle(url));
    const measures = await withRunningApp(url, SERVICE_ENV, async (app) => {
      const answers = await timed('check the answers', () => checkAnswers(app, dataset));
      return timed(`${options.warmUp} + ${options.requests} turns of every measure`, () =>
        measureInTurn(app, url, dataset, answers, options),
      );
    });
    return {
      options,
      seconds: (performance.now() - begin) / 1_000,
      films,
      dataset,
      measures,
      ratios: ratiosOf(measures),
      targets: targetsOf(measures),
      method: describeMethod(options),
    };
  });
}

const options = parseStatsBenchOptions(process.argv.slice(2));
await runBench<StatsBenchReport>({
  name: 'stats',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
