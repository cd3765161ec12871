import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CommandRunner } from '#decider';
import { createEventStore } from '#event-store';
import pg from 'pg';
import { loadConfig } from '../../../config/index.js';
import { ensureDatabase, migrateDatabase } from '../../../database/migrator.js';
import { migrations } from '../../../features.js';
import { runCli } from '../../../platform/cli/run-cli.js';
import { FilmMatcher } from '../../catalog/films/film-matcher.js';
import { LIST_SIZE_MAX } from '../domain/list.decider.js';
import { parseImportListArguments, UsageError, type ImportListOptions } from './import-list.arguments.js';
import { formatListImport } from './import-list.report.js';
import { readListCsv, type ListCsvRow } from './list-csv.js';
import { planListImport, type ListImportPlan } from './list-import-plan.js';
import { createOfficialList, findAdmin } from './official-list.js';

const USAGE = `Usage: npm run lists:import -- <file.csv> --title <title> [--description <text>] [--unranked] [--admin <username>]
  The file's header names its columns: rank, title, year, imdb_id (any order; title or imdb_id).
  The list is created as the admin named, else as the first admin.`;

/** The file as text; anything but UTF-8 is refused rather than read as mojibake. */
async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not UTF-8 text`);
  }
}

async function plan(pool: pg.Pool, rows: readonly ListCsvRow[]): Promise<ListImportPlan> {
  const usable = rows.filter((row) => row.problem === null);
  const found = await new FilmMatcher(pool).match(usable);
  const matches = new Map(usable.map((row, index) => [row, found[index]!]));
  return planListImport(
    rows,
    rows.map((row) => matches.get(row) ?? null),
  );
}

async function importList(options: ImportListOptions, rows: readonly ListCsvRow[]): Promise<number> {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  await migrateDatabase(config.databaseUrl, migrations);
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 2,
    application_name: 'filmlog-lists-import',
  });
  const store = await createEventStore({
    kind: config.eventStore.kind,
    databaseUrl: config.databaseUrl,
    kurrentdbUrl: config.eventStore.kurrentdbUrl,
    applicationName: 'filmlog-lists-import',
  });
  try {
    const admin = await findAdmin(pool, options.admin);
    if (admin === null)
      throw new Error(
        options.admin === null
          ? 'there is no admin yet (npm run admin:create)'
          : `${options.admin} is not an admin`,
      );
    const imported = await plan(pool, rows);
    if (imported.films.length > LIST_SIZE_MAX)
      throw new Error(`${imported.films.length} films matched; a list holds at most ${LIST_SIZE_MAX}`);
    const list =
      imported.films.length === 0
        ? null
        : await createOfficialList(
            new CommandRunner({ store, clock: () => new Date(), ids: randomUUID }),
            admin,
            {
              title: options.title,
              description: options.description,
              ranked: options.ranked,
              films: imported.films,
            },
          );
    const outcome = {
      title: options.title,
      ranked: options.ranked,
      admin: admin.username,
      list,
      plan: imported,
    };
    process.stdout.write(`${formatListImport(outcome)}\n`);
    return list === null ? 1 : 0;
  } finally {
    await store.close();
    await pool.end();
  }
}

/**
 * `npm run lists:import -- <file> --title ...`: exit code 0 when the list was created (unmatched
 * rows included, and reported); 1 when the file or the database could not be used, or no row
 * matched; 2 on a usage error.
 */
async function main(): Promise<number> {
  let options: ImportListOptions;
  try {
    options = parseImportListArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const rows = readListCsv(await readText(options.file), { ranked: options.ranked });
  return importList(options, rows);
}

runCli('List import', main);
