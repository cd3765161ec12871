import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { loadConfig } from '../../../../config/index.js';
import { ensureDatabase, migrateDatabase } from '../../../../database/migrator.js';
import { migrations } from '../../../../features.js';
import { runCli } from '../../../../platform/cli/run-cli.js';
import { ProgrammeWriter } from '../programme-writer.js';
import { readEditionFile } from './edition-file.js';
import { EditionImportRefused, importEdition, type Tally } from './edition-import.js';

const USAGE = `Usage: npm run festival:import -- <edition.json>
  One JSON object: { festival, edition, strands, films, screenings } in the API's shapes (docs/operations.md, "Loading a festival edition").`;

/** The file as JSON; anything but UTF-8 JSON is refused with the reason. */
async function readJson(path: string): Promise<unknown> {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  return JSON.parse(text) as unknown;
}

const formatTally = (tally: Tally): string =>
  Object.entries(tally)
    .map(
      ([part, counts]) =>
        `${part}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    )
    .join('\n');

/**
 * `npm run festival:import -- <file>`: exit code 0 when the whole edition is in; 1 when the file
 * was refused (every problem printed, nothing written); 2 on a usage error.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let json: unknown;
  try {
    json = await readJson(args[0]!);
  } catch (error) {
    process.stderr.write(`${args[0]} is not a UTF-8 JSON file: ${(error as Error).message}\n`);
    return 1;
  }
  const reading = await readEditionFile(json);
  if (!reading.ok) {
    process.stderr.write(`Nothing imported:\n${reading.problems.join('\n')}\n`);
    return 1;
  }
  const { databaseUrl } = loadConfig();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, migrations);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    application_name: 'filmlog-festival-import',
  });
  try {
    const tally = await importEdition(new ProgrammeWriter(pool), reading.file);
    const { festival, edition } = reading.file;
    process.stdout.write(`Imported ${festival.slug} ${edition.year}:\n${formatTally(tally)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof EditionImportRefused)) throw error;
    process.stderr.write(`Nothing imported:\n${error.problems.join('\n')}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

runCli('Festival import', main);
