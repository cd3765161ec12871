import pg from 'pg';

/** One session-level advisory lock: held by the import that loads an empty catalogue. */
const FIRST_LOAD_LOCK = `SELECT pg_try_advisory_lock(hashtext('catalogue-first-load'))`;
/** A lock connection the server ends is the lock let go; the import itself goes on. */
const lockClient = (pool: pg.Pool): pg.Client => {
  const client = new pg.Client(pool.options);
  client.on('error', () => undefined);
  return client;
};
/** Index builds at once: one per core of the database machine this is measured on. */
const BUILDERS = 2;
const BUILD_MEMORY = '256MB';

/**
 * An import into an empty `films` table: its secondary indexes (not the unique ones the upsert
 * needs) are dropped for the load and built once at its end, which costs a fraction of keeping
 * them row by row. Their definitions are recorded first, in the same transaction, so an import
 * killed midway leaves them to the next import (`restoreDeferredIndexes`) rather than lost.
 */
export class FirstLoad {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly lock: pg.Client,
  ) {}

  /** Starts a first load when `films` is empty and no other one runs; null otherwise. */
  static async begin(pool: pg.Pool): Promise<FirstLoad | null> {
    const lock = lockClient(pool);
    await lock.connect();
    try {
      const { rows } = await lock.query<{ taken: boolean }>(`${FIRST_LOAD_LOCK} AS taken`);
      if (!rows[0]!.taken || !(await deferIfEmpty(lock))) {
        await lock.end();
        return null;
      }
      return new FirstLoad(pool, lock);
    } catch (error) {
      await lock.end();
      throw error;
    }
  }

  /** Builds the deferred indexes and lets the lock go; answers how many were built. */
  async finish(): Promise<number> {
    try {
      return await buildDeferred(this.pool);
    } finally {
      await this.lock.end();
    }
  }
}

/**
 * Builds what an interrupted first load left deferred, unless a first load runs now (it builds
 * them at its end). Answers how many indexes were built.
 */
export async function restoreDeferredIndexes(pool: pg.Pool): Promise<number> {
  const lock = lockClient(pool);
  await lock.connect();
  try {
    const { rows } = await lock.query<{ taken: boolean }>(`${FIRST_LOAD_LOCK} AS taken`);
    return rows[0]!.taken ? await buildDeferred(pool) : 0;
  } finally {
    await lock.end();
  }
}

/** Drops the secondary indexes of an empty `films`, recording them; false when it has rows. */
async function deferIfEmpty(client: pg.Client): Promise<boolean> {
  await client.query('BEGIN');
  try {
    // Writes wait until the indexes are gone (DROP INDEX locks the table itself, reads too).
    await client.query('LOCK TABLE films IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM films) AND NOT EXISTS (SELECT 1 FROM catalogue_deferred_indexes) AS empty`,
    );
    if (!rows[0]!.empty) {
      await client.query('ROLLBACK');
      return false;
    }
    const { rows: deferred } = await client.query<{ name: string }>(
      `INSERT INTO catalogue_deferred_indexes (name, definition)
       SELECT index.relname, pg_get_indexdef(i.indexrelid)
         FROM pg_index i JOIN pg_class index ON index.oid = i.indexrelid
        WHERE i.indrelid = 'films'::regclass AND NOT i.indisunique AND NOT i.indisprimary
       RETURNING name`,
    );
    for (const { name } of deferred) await client.query(`DROP INDEX ${pg.escapeIdentifier(name)}`);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Each recorded index built, `BUILDERS` at a time, and forgotten in the transaction that built it. */
async function buildDeferred(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ name: string; definition: string }>(
    `SELECT name, definition FROM catalogue_deferred_indexes ORDER BY name`,
  );
  const waiting = [...rows];
  const builder = async () => {
    const client = await pool.connect();
    try {
      for (let next = waiting.shift(); next; next = waiting.shift()) {
        await client.query('BEGIN');
        await client.query(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
        // pg_get_indexdef's own words; built already (by hand, say) is built.
        await client.query(
          next.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '),
        );
        await client.query(`DELETE FROM catalogue_deferred_indexes WHERE name = $1`, [next.name]);
        await client.query('COMMIT');
      }
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.min(BUILDERS, rows.length) }, builder));
  return rows.length;
}
