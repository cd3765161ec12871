import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { withRunningApp } from './catalogue/search-load.js';
import { fillFilms, vacuumAnalyze } from './film-log/prefill.js';
import { generateExport } from './imports/export.js';
import { parseImportsBenchOptions, type ImportsBenchOptions } from './imports/options.js';
import { describeMethod, formatReport, targetsOf, type ImportsBenchReport } from './imports/report.js';
import {
  catalogueExportFilms,
  KEV_EXPORT,
  measureRealExport,
  readKevExport,
  realExportMembers,
} from './imports/real-export.js';
import { runImport } from './imports/run.js';
import { progress, runBench, timed } from './shared/bench-cli.js';
import { benchMembers, mintTokens, TOKEN_TTL_SECONDS } from './social/members.js';
import { registerMembers } from './social/prefill.js';
import { watchServiceCatchUp } from './social/projections.js';
import type { BenchDatabases } from './store/databases.js';

const JWT_SECRET = randomBytes(32).toString('base64url');

const SERVICE_ENV = {
  APP_ROLE: 'all',
  JWT_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
  REDIS_KEY_PREFIX: `filmlog-bench-imports-${randomBytes(4).toString('hex')}:`,
};

async function measure(databases: BenchDatabases, options: ImportsBenchOptions) {
  const begin = performance.now();
  const real = await timed(`read ${KEV_EXPORT}`, readKevExport);
  if ('skipped' in real) progress(`${KEV_EXPORT} left out: ${real.skipped}`);
  return databases.inFresh('imports', async (url) => {
    const { figures: films } = await timed(`fill ${options.films} films`, () =>
      fillFilms(url, options.films),
    );
    // The first member is an admin no one uses; the second imports the generated export, the
    // others the real one (a warm-up, then two a run: with and without its diary).
    const members = benchMembers(2 + ('skipped' in real ? 0 : realExportMembers(options.kevRuns)));
    const registered = await registerMembers(url, members, 1);
    const generated = await timed('generate the export', () => generateExport(url, options));
    const catalogue =
      'skipped' in real
        ? null
        : await timed(`catalogue the ${real.references.length} films of ${real.file}`, () =>
            catalogueExportFilms(url, real.references),
          );
    await timed('vacuum (analyze)', () => vacuumAnalyze(url));
    const serviceBegin = performance.now();
    return await withRunningApp(url, SERVICE_ENV, async (running) => {
      await timed("the service's projections catch up", () =>
        watchServiceCatchUp(url, registered.head, serviceBegin, options.limitMs),
      );
      const [member, ...kevMembers] = await mintTokens(JWT_SECRET, members.slice(1));
      const first = await timed(`import ${generated.rows} rows`, () =>
        runImport(running, member!, generated.zip, generated.rows, options.limitMs),
      );
      const again = await timed('import the same file again', () =>
        runImport(running, member!, generated.zip, generated.rows, options.limitMs),
      );
      const realFigures =
        'skipped' in real
          ? { skipped: real.skipped }
          : await measureRealExport(running, url, real, catalogue!, kevMembers, first, {
              runs: options.kevRuns,
              limitMs: options.limitMs,
            });
      const { zip, ...described } = generated;
      const figures = {
        options,
        seconds: (performance.now() - begin) / 1_000,
        films,
        export: { ...described, bytes: zip.length },
        first,
        again,
        real: realFigures,
      };
      return { ...figures, targets: targetsOf(figures), method: describeMethod(options) };
    });
  });
}

const options = parseImportsBenchOptions(process.argv.slice(2));
await runBench<ImportsBenchReport>({
  name: 'imports',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
