import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { CommandRunner } from '#decider';
import { createEventStore } from '#event-store';
import pg from 'pg';
import { loadConfig } from '../../../config/index.js';
import { ensureDatabase, migrateDatabase } from '../../../database/migrator.js';
import { migrations } from '../../../features.js';
import { AccountRegistration } from '../accounts/account-registration.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../domain/credentials.js';
import { ensureAdmin } from './ensure-admin.js';
import { runCli } from '../../../platform/cli/run-cli.js';

const USAGE = `Usage: npm run admin:create -- <username>
  The password is read from ADMIN_PASSWORD or, when that is unset, from the first line of
  standard input (so it never appears in the process list or the shell history).
  ADMIN_USERNAME is used when no username is given. An existing member is made admin and keeps
  their password.`;

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const config = loadConfig();
  const username = process.argv[2] ?? config.admin?.username;
  if (!username || username === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!USERNAME_PATTERN.test(username)) {
    process.stderr.write('username must be 3 to 30 letters, digits or underscores\n');
    return 2;
  }
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`password must be at least ${MIN_PASSWORD_LENGTH} characters\n`);
    return 2;
  }

  await ensureDatabase(config.databaseUrl);
  await migrateDatabase(config.databaseUrl, migrations);
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    application_name: 'filmlog-admin-create',
  });
  const store = await createEventStore({
    kind: config.eventStore.kind,
    databaseUrl: config.databaseUrl,
    kurrentdbUrl: config.eventStore.kurrentdbUrl,
    applicationName: 'filmlog-admin-create',
  });
  try {
    const accounts = new AccountsRepository(pool);
    const runner = new CommandRunner({ store, clock: () => new Date(), ids: randomUUID });
    const outcome = await ensureAdmin(
      accounts,
      new AccountRegistration(accounts, new PasswordHasher(), runner),
      {
        username,
        password,
      },
    );
    const said = {
      created: `Created admin ${username}.`,
      promoted: `${username} existed and is now an admin (password unchanged).`,
      'already-admin': `${username} is already an admin; nothing changed.`,
    } as const;
    process.stdout.write(`${said[outcome]}\n`);
    return 0;
  } finally {
    await store.close();
    await pool.end();
  }
}

runCli('admin:create', main);
