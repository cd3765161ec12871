import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from './config/index.js';
import { ensureDatabase, migrateDatabase } from './database/migrator.js';
import { migrations } from './features.js';
import { seedDemoFestival } from './modules/festivals/seed/demo-festival.js';
import { DEFAULT_GENERATED_FILMS, seedDemoCatalogue } from './modules/catalog/seed/seed-demo.js';
import { runCli } from './platform/cli/run-cli.js';

const CONCURRENCY = 4;

/** `npm run seed:demo`: the demo catalogue and festival, idempotent; exit code 1 if any film was refused. */
async function main(): Promise<number> {
  const { databaseUrl } = loadConfig();
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, migrations);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: CONCURRENCY,
    application_name: 'filmlog-seed',
  });
  try {
    const startedAt = performance.now();
    const counts = await seedDemoCatalogue(pool, {
      generatedFilms: DEFAULT_GENERATED_FILMS,
      concurrency: CONCURRENCY,
    });
    const seconds = (performance.now() - startedAt) / 1_000;
    process.stdout.write(
      `Demo catalogue: ${counts.rows} films in ${seconds.toFixed(1)} s: ${counts.imported} imported, ` +
        `${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} refused\n`,
    );
    for (const bad of counts.badRows) process.stderr.write(`film at line ${bad.at}: ${bad.reason}\n`);
    if (counts.skipped > 0) return 1;
    const festival = await seedDemoFestival(pool);
    process.stdout.write(
      `Demo festival EIFF 2008: ${festival.screenings.created} screenings added, ${festival.screenings.unchanged} already there\n`,
    );
    return 0;
  } finally {
    await pool.end();
  }
}

runCli('Seeding', main);
