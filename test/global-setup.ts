import './jest-resolution.cjs';
import { migrateDatabase } from '../src/database/migrator.js';
import { migrations } from '../src/features.js';
import {
  adminDatabaseUrl,
  newTestRunId,
  quoteIdent,
  templateDatabaseName,
  withAdminClient,
  withDatabaseName,
} from '#testing';

/**
 * Creates one migrated template database per run; each suite clones it
 * (createTestDatabase), so suites never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  const runId = newTestRunId();
  const template = templateDatabaseName(runId);
  await withAdminClient((client) => client.query(`CREATE DATABASE ${quoteIdent(template)}`));
  await migrateDatabase(withDatabaseName(adminDatabaseUrl(), template), migrations);
  process.env.FILMLOG_TEST_RUN_ID = runId;
}
