import type { CatalogueBenchOptions } from './options.js';

/** What the figures mean, written into the report next to them. */
export const describeMethod = (options: CatalogueBenchOptions): string[] => [
  `Import: a generated title.basics.tsv of ${options.tsvRows} data lines (about 80% films: movie, short, ` +
    'tvMovie; the rest episodes, series, videos, games and a few adult titles, which are ignored; one bad ' +
    'line in 10,000), imported by `npm run --silent catalog:import -- <file> --json` ' +
    'as a child process into a fresh migrated database, then again (every film unchanged). Rows per second ' +
    'count every data line of the file, over the whole run of the import (reading, parsing, writing).',
  'Memory: the importer samples its own RSS when 25, 50, 75 and 100% of the file have been read, and ' +
    'reports its peak RSS (process.resourceUsage().maxRSS); flat means the largest sample is at most ' +
    '1.25 times the smallest. The npm script runs it with a 256 MiB heap (--max-old-space-size), which ' +
    'V8 would otherwise let grow lazily on a machine with much memory.',
  `Search: ${options.searchFilms} generated films (titles from word lists, some in other languages with ` +
    'accents, one or two directors each from a pool of generated names) written straight with SQL into a ' +
    'fresh migrated database, then VACUUM (ANALYZE). The real service (`node dist/src/main.js`, ' +
    'APP_ROLE=api, LOG_LEVEL=warn) serves GET /api/v1/films; autocannon drives it from the bench process ' +
    `with ${options.connections} connections, ${options.warmUpSeconds} s of warm-up discarded, then ` +
    `${options.searchSeconds} s measured, each request taking the next of a fixed list of 500 queries: ` +
    'single words, two words, typos, partial words, director names (accented, unaccented, surname only), ' +
    'q with a filter, and filters alone (year, genre, language, country, and pairs).',
  'Each query alone: after the load, every query of the list once, one at a time, timed by the bench ' +
    '(HTTP round trip included), grouped by kind, to show which kinds cost the most.',
  'PostgreSQL, the service and the load generator share the same machine and its cores, and so does ' +
    'anything else running there (see loadAverage).',
];
