import { ConfigError, loadConfig } from './config/index.js';
import { ensureDatabase, migrateDatabase, revertLastMigration } from './database/migrator.js';
import { migrations } from './features.js';

/** `npm run migration:run` applies pending migrations; `migration:revert` undoes the last one. */
async function main(): Promise<void> {
  const { databaseUrl } = loadConfig();
  await ensureDatabase(databaseUrl);
  if (process.argv.includes('--revert')) {
    const reverted = await revertLastMigration(databaseUrl, migrations);
    process.stdout.write(reverted ? `Reverted ${reverted}\n` : 'No migration to revert\n');
    return;
  }
  const applied = await migrateDatabase(databaseUrl, migrations);
  process.stdout.write(
    applied.length > 0
      ? `Applied ${applied.join(', ')}\n`
      : 'No pending migrations; the schema is up to date\n',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
  } else {
    process.stderr.write(
      `Migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
