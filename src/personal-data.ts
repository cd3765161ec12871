import pg from 'pg';
import { loadConfig } from './config/index.js';
import { ensureDatabase, migrateDatabase } from './database/migrator.js';
import { migrations, personalTextRules } from './features.js';
import { runCli } from './platform/cli/run-cli.js';
import { MasterKeys } from './platform/personal-data/master-keys.js';
import { MemberKeys } from './platform/personal-data/member-keys.js';
import { sealHistory } from './platform/personal-data/seal-history.js';

const USAGE = `Usage: npm run personal-data -- <command>
  rotate-keys   re-wraps every member's key with the first of PERSONAL_DATA_KEYS; keep the old
                master keys after it in PERSONAL_DATA_KEYS until this has run
  seal-history  seals the personal text of events written before sealing existed (PostgreSQL
                event store only); safe to run again`;

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'rotate-keys' && command !== 'seal-history') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  if (command === 'seal-history' && config.eventStore.kind !== 'postgres') {
    process.stderr.write(
      'seal-history rewrites the PostgreSQL event store; KurrentDB events cannot be changed\n',
    );
    return 2;
  }
  await ensureDatabase(config.databaseUrl);
  await migrateDatabase(config.databaseUrl, migrations);
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    application_name: 'filmlog-personal-data',
  });
  try {
    const keys = new MemberKeys(pool, MasterKeys.parse(config.personalDataKeys));
    if (command === 'rotate-keys') {
      process.stdout.write(`Re-wrapped ${await keys.rewrapAll()} member keys.\n`);
    } else {
      const result = await sealHistory(pool, keys, personalTextRules);
      process.stdout.write(
        `Sealed ${result.sealed} events` +
          (result.skipped > 0 ? `; left ${result.skipped} of erased members as they were` : '') +
          '.\n',
      );
    }
    return 0;
  } finally {
    await pool.end();
  }
}

runCli('personal-data', main);
