import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureImport } from './catalogue/import-phase.js';
import { describeMethod } from './catalogue/method.js';
import { parseCatalogueBenchOptions, type CatalogueBenchOptions } from './catalogue/options.js';
import { formatReport, targetsOf, type CatalogueBenchReport } from './catalogue/report.js';
import { fillSearchCatalogue } from './catalogue/search-catalogue.js';
import { measureSearch, withRunningApp } from './catalogue/search-load.js';
import { searchQueries } from './catalogue/search-queries.js';
import { writeTitleBasicsFile } from './catalogue/title-basics-file.js';
import { BenchDatabases } from './store/databases.js';
import { progress, runBench, timed } from './shared/bench-cli.js';

const QUERIES = 500;

async function importPhase(databases: BenchDatabases, options: CatalogueBenchOptions) {
  const directory = await mkdtemp(path.join(tmpdir(), 'filmlog-bench-'));
  try {
    return await databases.inFresh('catalogue_import', (first) =>
      databases.inFresh('catalogue_import_kept', async (kept) => {
        const filePath = path.join(directory, 'title.basics.tsv');
        const file = await timed(`generate ${options.tsvRows} TSV rows`, () =>
          writeTitleBasicsFile(filePath, options.tsvRows),
        );
        return timed('import (indexes kept, first load, again)', () =>
          measureImport({ ...file, path: filePath }, { first, kept }, (line) =>
            progress(`  importer: ${line}`),
          ),
        );
      }),
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function searchPhase(databases: BenchDatabases, options: CatalogueBenchOptions) {
  return databases.inFresh('catalogue_search', async (url) => {
    const catalogue = await timed(`fill ${options.searchFilms} films`, () =>
      fillSearchCatalogue(url, options.searchFilms),
    );
    const figures = await withRunningApp(url, {}, (app) =>
      timed(`search load (${options.searchSeconds} s)`, () =>
        measureSearch(app, searchQueries(QUERIES, catalogue.directorNames), options),
      ),
    );
    return { ...figures, catalogue: { films: catalogue.films, people: catalogue.people } };
  });
}

const options = parseCatalogueBenchOptions(process.argv.slice(2));
await runBench<CatalogueBenchReport>({
  name: 'catalogue',
  options,
  format: formatReport,
  measure: async (databases) => {
    const importFigures = await importPhase(databases, options);
    const search = await searchPhase(databases, options);
    return {
      options,
      import: importFigures,
      search,
      targets: targetsOf(importFigures, search),
      method: describeMethod(options),
    };
  },
});
