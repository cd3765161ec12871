import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../../../config/index.js';
import { ensureDatabase, migrateDatabase } from '../../../database/migrator.js';
import { migrations } from '../../../features.js';
import { detectCatalogFormat } from './catalog-format.js';
import { FilmReferences } from '../films/film-references.js';
import { FilmWriter } from '../films/film-writer.js';
import { FilmPosters } from '../posters/film-posters.js';
import { imageStoreOf } from '../posters/image-store-of.js';
import { importFilmJson } from './film-json.import.js';
import { FirstLoad, restoreDeferredIndexes } from './first-load.js';
import { ImportRun, formatImportReport, type ImportReport } from './import-report.js';
import { PosterFiles } from './poster-files.js';
import { importTitleBasics } from './title-basics.import.js';
import { TitleBasicsWriter } from './title-basics.writer.js';
import { runCli } from '../../../platform/cli/run-cli.js';

const USAGE = `Usage: npm run catalog:import -- <file> [--json] [--batch-size=N (1 to 20000)]
  In a JSON file, a film's "poster" may name a JPEG, PNG or WebP file relative to the file's folder.`;
const DEFAULT_BATCH_SIZE = 5_000;
/** `npm run catalog:import` gives the importer a 256 MiB heap; a few batches of this size fit in it. */
const MAX_BATCH_SIZE = 20_000;
const PROGRESS_EVERY_MS = 2_000;
/** TSV batches written at once: the database works on one while it writes another. */
const TSV_WRITERS = 2;
/** JSON films written at once, each in its own transaction. */
const JSON_WRITERS = 4;

interface CliOptions {
  readonly file: string;
  readonly json: boolean;
  readonly batchSize: number;
}

class UsageError extends Error {}

function parseArguments(argv: readonly string[]): CliOptions {
  const files: string[] = [];
  let json = false;
  let batchSize = DEFAULT_BATCH_SIZE;
  for (const argument of argv) {
    const [flag, value = ''] = argument.split('=', 2);
    if (argument === '--json') json = true;
    else if (flag === '--batch-size' && /^[1-9]\d{0,4}$/.test(value) && Number(value) <= MAX_BATCH_SIZE)
      batchSize = Number(value);
    else if (argument.startsWith('--')) throw new UsageError(`Unknown or malformed argument ${argument}`);
    else files.push(argument);
  }
  if (files.length !== 1) throw new UsageError('Give exactly one file');
  return { file: files[0]!, json, batchSize };
}

async function importFile(options: CliOptions, pool: pg.Pool, config: AppConfig): Promise<ImportReport> {
  const format = await detectCatalogFormat(options.file);
  const { size } = await stat(options.file);
  const run = new ImportRun(size, PROGRESS_EVERY_MS, (line) => process.stderr.write(`${line}\n`));
  const source = createReadStream(options.file, { highWaterMark: 256 * 1_024 });
  const counts =
    format === 'json'
      ? await importFilmJson(source, new FilmWriter(pool), {
          concurrency: JSON_WRITERS,
          onProgress: run.onProgress,
          posters: new PosterFiles(
            path.dirname(path.resolve(options.file)),
            new FilmPosters(pool, imageStoreOf(config), new FilmReferences(pool)),
          ),
        })
      : await importTitleBasicsFile(source, pool, options, run);
  return run.finish(options.file, format, counts);
}

/** Into an empty catalogue as a first load: the films table's secondary indexes built at the end. */
async function importTitleBasicsFile(
  source: NodeJS.ReadableStream,
  pool: pg.Pool,
  options: CliOptions,
  run: ImportRun,
) {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const rebuilt = await restoreDeferredIndexes(pool);
  if (rebuilt > 0) say(`Built ${rebuilt} catalogue indexes an interrupted first load had left.`);
  const firstLoad = await FirstLoad.begin(pool);
  if (firstLoad) say('The catalogue is empty: its search indexes are built once the films are in.');
  try {
    return await importTitleBasics(source, new TitleBasicsWriter(pool, TSV_WRITERS), {
      batchSize: options.batchSize,
      onProgress: run.onProgress,
    });
  } finally {
    if (firstLoad) {
      say('Building the catalogue indexes…');
      say(`Built ${await firstLoad.finish()} catalogue indexes.`);
    }
  }
}

/**
 * `npm run catalog:import -- <file>`: exit code 0 when the file was processed, bad rows included;
 * 1 when it could not be (unreadable, unknown format, database unreachable); 2 on a usage error.
 */
async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const { databaseUrl } = config;
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, migrations);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    application_name: 'filmlog-catalog-import',
  });
  try {
    const report = await importFile(options, pool, config);
    process.stdout.write(`${options.json ? JSON.stringify(report) : formatImportReport(report)}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}

runCli('Import', main);
