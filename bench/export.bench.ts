import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PostgresEventStore } from '#event-store';
import { ExportFiles } from '../src/modules/exports/export-files.js';
import { fillExportDataset } from './export/dataset.js';
import { runBareDump, runExport, type RunFigures } from './export/measure.js';
import { parseExportBenchOptions, type ExportBenchOptions } from './export/options.js';
import { describeMethod, formatReport, ratiosOf, type ExportBenchReport } from './export/report.js';
import { fillFilms, settle } from './film-log/prefill.js';
import { runBench, timed } from './shared/bench-cli.js';
import { openPool, type BenchDatabases } from './store/databases.js';

async function measure(databases: BenchDatabases, options: ExportBenchOptions) {
  const begin = performance.now();
  return databases.inFresh('export', async (url) => {
    const { ids } = await timed(`fill ${options.films} films`, () => fillFilms(url, options.films));
    const dataset = await timed(`the member's ${options.marks} marks and the rest`, () =>
      fillExportDataset(url, options, ids),
    );
    await timed('vacuum (analyze), checkpoint', () => settle(url));
    const pool = openPool(url, 4, 'filmlog-bench-export');
    const store = new PostgresEventStore({ connectionString: url, applicationName: 'filmlog-bench-export' });
    const files = new ExportFiles(pool);
    try {
      const exports: RunFigures[] = [];
      const bareDumps: RunFigures[] = [];
      for (let run = 0; run <= options.runs; run += 1) {
        const ours = await timed(`export ${run === 0 ? '(warm-up)' : run}`, () =>
          runExport(pool, store, files, dataset.memberId, randomUUID()),
        );
        const bare = await timed(`bare dump ${run === 0 ? '(warm-up)' : run}`, () =>
          runBareDump(pool, files, dataset.memberId, randomUUID()),
        );
        if (run > 0) {
          exports.push(ours);
          bareDumps.push(bare);
        }
      }
      return {
        options,
        seconds: (performance.now() - begin) / 1_000,
        dataset,
        exports,
        bareDumps,
        ratios: ratiosOf(exports, bareDumps),
        method: describeMethod(options),
      };
    } finally {
      await store.close();
      await pool.end();
    }
  });
}

const options = parseExportBenchOptions(process.argv.slice(2));
await runBench<ExportBenchReport>({
  name: 'export',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
