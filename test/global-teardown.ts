import './jest-resolution.cjs';
import { dropTestDatabases } from '#testing';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.FILMLOG_TEST_RUN_ID;
  if (runId) await dropTestDatabases(runId);
}
