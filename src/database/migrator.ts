import pg from 'pg';
import { MigrationExecutor, type DataSource, type MigrationInterface } from 'typeorm';
import { createDataSource } from './data-source.js';

type Migrations = readonly (new () => MigrationInterface)[];

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Creates the database named in `url` when it does not exist yet (first start on a fresh machine). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } catch (error) {
        // Another process created it between the check and here (42P04, or 23505 when both raced).
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** Serialises migrations of every process starting at once (api and worker replicas). */
async function withMigrationLock<T>(
  url: string,
  migrations: Migrations,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  const dataSource = createDataSource(url, [...migrations]);
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtextextended('filmlog:migrations', 0))`);
    await dataSource.initialize();
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.end();
  }
}

/** Runs pending migrations (the application's list: src/features.ts); returns the names of those applied. */
export function migrateDatabase(url: string, migrations: Migrations): Promise<string[]> {
  return withMigrationLock(url, migrations, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Undoes the most recent migration; returns its name, or null when none was applied. */
export function revertLastMigration(url: string, migrations: Migrations): Promise<string | null> {
  return withMigrationLock(url, migrations, async (dataSource) => {
    const executed = async () =>
      new Set(
        (await new MigrationExecutor(dataSource).getExecutedMigrations()).map((migration) => migration.name),
      );
    const before = await executed();
    await dataSource.undoLastMigration({ transaction: 'each' });
    const after = await executed();
    return [...before].find((name) => !after.has(name)) ?? null;
  });
}
