import type pg from 'pg';
import { ProjectionsHarness } from '../test-support/harness.js';
import { appendTallies, readTallies, streamNames, talliesProjection } from '../test-support/tallies.js';

const RETRY_BASE_MS = 200;
/** Enough lost sessions that pauses doubling from the first would reach 200 ms × 2⁶ = 12.8 s. */
const LOST_SESSIONS = 7;

/** Ends the connection that holds a projection's advisory lock, as a failover or a proxy would. */
async function endLockConnection(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ ended: boolean }>(
    `SELECT pg_terminate_backend(locks.pid) AS ended
       FROM pg_locks locks JOIN pg_database db ON db.oid = locks.database
      WHERE locks.locktype = 'advisory' AND db.datname = current_database()`,
  );
  return rows.filter((row) => row.ended).length;
}

describe('ProjectionRunner after lost sessions', () => {
  let harness: ProjectionsHarness;

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('pauses as briefly after its seventh lost session as after its first when each got work done', async () => {
    const projection = talliesProjection();
    const monitor = harness.monitor([projection]);
    await harness.startEngine({ projections: [projection], retryBaseMs: RETRY_BASE_MS });
    const streams = streamNames('lost', 2);
    expect(await monitor.waitFor(['tallies'], await appendTallies(harness.store, streams, 1), 10_000)).toBe(
      true,
    );

    const catchUps: number[] = [];
    for (let lost = 1; lost <= LOST_SESSIONS; lost += 1) {
      expect(await endLockConnection(harness.pool)).toBe(1);
      const started = Date.now();
      const last = await appendTallies(harness.store, streams, 1);
      expect(await monitor.waitFor(['tallies'], last, 20_000)).toBe(true);
      catchUps.push(Date.now() - started);
    }

    expect(await readTallies(harness.pool)).toEqual({
      'lost-0': LOST_SESSIONS + 1,
      'lost-1': LOST_SESSIONS + 1,
    });
    // Each comeback is the first pause (200 ms) plus taking the lock and a batch; doubling per lost
    // session would make the last one wait 12.8 s.
    expect({ catchUps, slowest: Math.max(...catchUps) < 5_000 }).toEqual({ catchUps, slowest: true });
  }, 60_000);
});
