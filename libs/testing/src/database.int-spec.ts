import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './database.js';

describe('createTestDatabase', () => {
  let databases: TestDatabase[] = [];

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('gives each caller its own migrated database', async () => {
    databases = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const [first, second] = databases.map((database) => new pg.Client({ connectionString: database!.url }));
    await first!.connect();
    await second!.connect();
    try {
      await first!.query(
        `INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
         VALUES ('s-1', 0, gen_random_uuid(), 'Happened', '{}', '{}')`,
      );
      const inFirst = await first!.query('SELECT count(*)::int AS n FROM events');
      const inSecond = await second!.query('SELECT count(*)::int AS n FROM events');
      expect(inFirst.rows[0].n).toBe(1);
      expect(inSecond.rows[0].n).toBe(0);
    } finally {
      await first!.end();
      await second!.end();
    }
  });
});
