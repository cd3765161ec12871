// A projection worker for the kill-mid-batch test: counts Tallied events one at a time with a
// pause after each, and prints "batch started" when a batch begins, so the test can kill it
// (SIGKILL) while a batch's transaction is open.
require('./register-typescript.cjs');
const pg = require('pg');
const { PostgresEventStore } = require('#event-store');
const { ProjectionEngine } = require('#projections');
const { addTallies, talliesProjection } = require('./tallies.ts');

const url = process.env.DATABASE_URL;
const applicationName = process.env.APPLICATION_NAME;
const pauseMs = Number(process.env.PAUSE_MS);

// The same read model as talliesProjection, written one event at a time, slowly.
const projection = {
  ...talliesProjection(),
  async apply(events, context) {
    process.stdout.write('batch started\n');
    for (const event of events) {
      await addTallies([event], context);
      await context.query('SELECT pg_sleep($1)', [pauseMs / 1000]);
    }
  },
};

const pool = new pg.Pool({ connectionString: url, application_name: applicationName });
const store = new PostgresEventStore({ connectionString: url, applicationName });
const engine = new ProjectionEngine({
  store,
  pool,
  projections: [projection],
  batchSize: Number(process.env.BATCH_SIZE),
  lockRetryMs: 100,
});
void engine.start();
