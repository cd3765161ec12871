import type pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, testPool, type TestDatabase } from './database.js';

/** A suite's own migrated database, and TypeORM's query runner as migrations use it. */
export interface MigrationSpecDatabase {
  readonly pool: pg.Pool;
  /** `query` only: a SELECT answers its rows, as TypeORM's does; enough for the migrations' calls. */
  readonly runner: QueryRunner;
}

type Hook = (work: () => Promise<void>) => void;

/**
 * For a migration's spec: a database created before the suite's tests and dropped after them, on
 * which the spec runs the migration's `down` and `up` over rows it wrote between. The suite passes
 * jest's hooks: this library is also built without jest's globals (the benches use it).
 */
export function migrationSpecDatabase({
  beforeAll,
  afterAll,
}: {
  readonly beforeAll: Hook;
  readonly afterAll: Hook;
}): MigrationSpecDatabase {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });
  const suite: MigrationSpecDatabase = {
    get pool(): pg.Pool {
      if (pool === undefined) throw new Error('the database is created in beforeAll; use it in a test');
      return pool;
    },
    runner: {
      query: async (sql: string, params?: unknown[]) => (await suite.pool.query(sql, params)).rows,
    } as unknown as QueryRunner,
  };
  return suite;
}
