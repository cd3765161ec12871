import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { ProjectionMonitor } from '#projections';
import { AccountsRepository } from '../../modules/identity/accounts/accounts.repository.js';
import { QUERY_POOL } from '../../platform/database/database.module.js';
import { catalogueFilms, demoScreeningIds } from './catalogue-reader.js';
import { DEFAULT_SEED, planCommunity, type CommunityPlan } from './community-plan.js';
import { seedCommunity } from './community-seeder.js';
import { caughtUpWith } from './read-models.js';
import type { CommunityCounts } from './tally.js';

export const DEMO_PASSWORD = 'demo-password';

/** A prerequisite is missing: the message says what to run first. */
export class MissingPrerequisite extends Error {}

export interface CommunityRun {
  readonly members: number;
  readonly seed?: number;
  /** YYYY-MM-DD; today (UTC) when left out. */
  readonly today?: string;
  readonly concurrency?: number;
  /** How long to wait for the members and lists read models (default 60 s). */
  readonly readModelTimeoutMs?: number;
}

export interface CommunityOutcome {
  readonly counts: CommunityCounts;
  /** What was asked for: the members and their histories, whether written now or before. */
  readonly plan: CommunityPlan;
  /** False when the demo festival was not there, so nobody planned a screening. */
  readonly festival: boolean;
}

const DEFAULT_CONCURRENCY = 8;

/** Plans the community from the catalogue in the database and writes it through the app's buses. */
export async function runCommunitySeed(
  app: INestApplicationContext,
  run: CommunityRun,
): Promise<CommunityOutcome> {
  const films = await catalogueFilms(app.get<pg.Pool>(QUERY_POOL));
  if (films.length === 0)
    throw new MissingPrerequisite('The catalogue is empty: run `npm run seed:demo` first, then this again.');
  const queries = app.get(QueryBus);
  const screeningIds = await demoScreeningIds(queries);
  const plan = planCommunity({
    seed: run.seed ?? DEFAULT_SEED,
    members: run.members,
    films,
    screeningIds: screeningIds ?? [],
    today: run.today ?? new Date().toISOString().slice(0, 10),
  });
  const accounts = app.get(AccountsRepository);
  const counts = await seedCommunity(
    {
      commands: app.get(CommandBus),
      queries,
      accounts: { findByUsername: (username) => accounts.findByUsername(username) },
      caughtUp: caughtUpWith(app.get(ProjectionMonitor), run.readModelTimeoutMs ?? 60_000),
    },
    plan,
    {
      password: DEMO_PASSWORD,
      concurrency: run.concurrency ?? DEFAULT_CONCURRENCY,
      correlationId: randomUUID(),
    },
  );
  return { counts, plan, festival: screeningIds !== null };
}
