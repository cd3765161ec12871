import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { PostgresEventStore } from './postgres-event-store.js';

const APPLICATION = 'contract-subject';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describeEventStoreContract('postgres', async () => {
  const store = new PostgresEventStore({ connectionString: database.url, applicationName: APPLICATION });
  const admin = testPool(database, 2);
  return {
    store,
    async dropSubscriptions() {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name LIKE $1`,
        [`${APPLICATION}%`],
      );
    },
    async holdAppend(streamId, events) {
      const client = await admin.connect();
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
         SELECT $1, ordinal - 1, event_id, type, data, metadata
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY
           AS e(event_id, type, data, metadata, ordinal)`,
        [
          streamId,
          events.map((event) => event.metadata.eventId),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata)),
        ],
      );
      return {
        async commit() {
          await client.query('COMMIT');
          client.release();
          await admin.query(`SELECT pg_notify('filmlog_events', NULL)`);
        },
      };
    },
    async close() {
      await store.close();
      await admin.end();
    },
  };
});
