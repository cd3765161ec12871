import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from './config/index.js';
import { ensureDatabase, migrateDatabase } from './database/migrator.js';
import { migrations } from './features.js';
import { seedDemoFestival } from './modules/festivals/seed/demo-festival.js';
import { FilmReferences } from './modules/catalog/films/film-references.js';
import { FilmPosters } from './modules/catalog/posters/film-posters.js';
import { imageStoreOf } from './modules/catalog/posters/image-store-of.js';
import {
  DEFAULT_GENERATED_FILMS,
  DEFAULT_GENERATED_POSTERS,
  seedDemoCatalogue,
  seedDemoPosters,
} from './modules/catalog/seed/seed-demo.js';
import { runCli } from './platform/cli/run-cli.js';

const CONCURRENCY = 4;

/** `npm run seed:demo`: the demo catalogue and festival, idempotent; exit code 1 if any film was refused. */
async function main(): Promise<number> {
  const config = loadConfig();
  const { databaseUrl } = config;
  await ensureDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, migrations);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: CONCURRENCY,
    application_name: 'filmlog-seed',
  });
  try {
    const startedAt = performance.now();
    const options = {
      generatedFilms: DEFAULT_GENERATED_FILMS,
      generatedPosters: DEFAULT_GENERATED_POSTERS,
      concurrency: CONCURRENCY,
    };
    const counts = await seedDemoCatalogue(pool, options);
    const seconds = (performance.now() - startedAt) / 1_000;
    process.stdout.write(
      `Demo catalogue: ${counts.rows} films in ${seconds.toFixed(1)} s: ${counts.imported} imported, ` +
        `${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} refused\n`,
    );
    for (const bad of counts.badRows) process.stderr.write(`film at line ${bad.at}: ${bad.reason}\n`);
    if (counts.skipped > 0) return 1;
    const postersStartedAt = performance.now();
    const filmPosters = new FilmPosters(pool, imageStoreOf(config), new FilmReferences(pool));
    const posters = await seedDemoPosters(pool, filmPosters, options);
    process.stdout.write(
      `Demo posters in ${((performance.now() - postersStartedAt) / 1_000).toFixed(1)} s: ${posters.drawn} drawn, ` +
        `${posters.kept} films had one already\n`,
    );
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
