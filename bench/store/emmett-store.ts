import { getPostgreSQLEventStore, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { openPool } from './databases.js';

export interface EmmettConnection {
  readonly store: PostgresEventStore;
  close(): Promise<void>;
}

/**
 * Emmett's PostgreSQL event store over a pg pool of `poolSize` connections, with its schema
 * created up front so that no measurement pays for it.
 *
 * Emmett's connection library sets process-wide pg type parsers (int8 as BigInt, its own JSON
 * parser) when its first pool is made; the benchmark therefore runs Emmett after our store.
 */
export async function connectEmmett(url: string, poolSize: number): Promise<EmmettConnection> {
  const pool = openPool(url, poolSize, 'filmlog-bench-emmett');
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  return {
    store,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

/** Creates Emmett's tables and functions in the database at `url`. */
export async function createEmmettSchema(url: string): Promise<void> {
  const emmett = await connectEmmett(url, 1);
  await emmett.close();
}
