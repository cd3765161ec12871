import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import type pg from 'pg';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionEngine } from '#projections';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/index.js';
import { ensureDatabase, migrateDatabase } from './database/migrator.js';
import { migrations } from './features.js';
import { membersProjection } from './modules/identity/projections/members.projection.js';
import { listsProjection } from './modules/lists/projections/lists.projection.js';
import { runCli } from './platform/cli/run-cli.js';
import { READ_MODEL_POOL } from './platform/database/database.module.js';
import { parseCommunityArguments, UsageError } from './seed/community/arguments.js';
import { CURATOR } from './seed/community/community-plan.js';
import { DEMO_PASSWORD, MissingPrerequisite, runCommunitySeed } from './seed/community/community-run.js';
import { formatCommunityReport } from './seed/community/report.js';

const USAGE = `Usage: npm run seed:community [-- --members N]
  A demo community (300 members unless N is given) with histories, follows, comments, lists and
  festival plans, written through the application's commands; run \`npm run seed:demo\` first.
  A second run creates nothing new.`;

/** The number of members asked for, or the exit code when the arguments answer on their own. */
function membersAsked(argv: readonly string[]): number | { readonly exitCode: number } {
  try {
    const parsed = parseCommunityArguments(argv);
    if (!parsed.help) return parsed.members;
    process.stdout.write(`${USAGE}\n`);
    return { exitCode: 0 };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return { exitCode: 2 };
  }
}

/**
 * `npm run seed:community`: exit code 0 when the community is there, 1 when a prerequisite is
 * missing or the run failed, 2 on a usage error.
 */
async function main(): Promise<number> {
  const members = membersAsked(process.argv.slice(2));
  if (typeof members !== 'number') return members.exitCode;
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  await migrateDatabase(config.databaseUrl, migrations);
  const startedAt = performance.now();
  // The api role: the commands and queries, without the worker's projections and jobs.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, role: 'api', logLevel: 'warn' }),
    { logger: ['error', 'warn'] },
  );
  // The seed reads back two read models it writes (the curator's role, the official lists' titles):
  // it runs just those two projections, which stand by if a worker already holds them.
  const engine = new ProjectionEngine({
    store: app.get<EventStore>(EVENT_STORE),
    pool: app.get<pg.Pool>(READ_MODEL_POOL),
    projections: [membersProjection, listsProjection],
  });
  try {
    await engine.start();
    const { counts, festival } = await runCommunitySeed(app, { members });
    const seconds = (performance.now() - startedAt) / 1_000;
    const run = { seconds, password: DEMO_PASSWORD, curator: CURATOR, festival };
    process.stdout.write(`${formatCommunityReport(counts, run)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof MissingPrerequisite)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await engine.stop();
    await app.close();
  }
}

runCli('Seeding the community', main);
