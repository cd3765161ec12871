import type pg from 'pg';
import type { Track } from './checkpoint-store.js';
import type { Projection } from './projection.js';
import type { Queryable } from './sql.js';
import { inTransaction, quoteIdent } from './sql.js';
import { nextTableName, oldTableName, tableNamer } from './table-names.js';

/**
 * Fresh, empty copies of a projection's live tables (columns, defaults, constraints, indexes), their
 * indexes named as the live ones, less the indexes only readers use: `buildDeferredIndexes` adds
 * those once the rebuild has caught up.
 */
export async function createNextTables(db: Queryable, projection: Projection): Promise<void> {
  const deferred = new Set(projection.indexesForReadersOnly ?? []);
  for (const table of projection.tables) {
    const next = nextTableName(table);
    await db.query(`DROP TABLE IF EXISTS ${quoteIdent(next)}`);
    await db.query(`CREATE TABLE ${quoteIdent(next)} (LIKE ${quoteIdent(table)} INCLUDING ALL)`);
    const copies = await indexesOf(db, next);
    for (const index of await indexesOf(db, table)) {
      const copy = takeMatching(copies, index);
      const name = copyName(table, index.name);
      if (copy === undefined || name === undefined) continue;
      if (deferred.has(index.name) && !index.unique && !index.constraint) {
        await db.query(`DROP INDEX ${quoteIdent(copy.name)}`);
      } else if (copy.name !== name) {
        await db.query(`ALTER INDEX ${quoteIdent(copy.name)} RENAME TO ${quoteIdent(name)}`);
      }
    }
  }
}

/**
 * Builds on the fresh copies each index of the live tables they lack (those `createNextTables` left
 * off, or one a migration added meanwhile); answers how many it built.
 */
export async function buildDeferredIndexes(
  pool: pg.Pool,
  projection: Projection,
  maintenanceMemory: string,
): Promise<number> {
  let built = 0;
  for (const table of projection.tables) {
    const next = nextTableName(table);
    const copies = await indexesOf(pool, next);
    for (const index of await indexesOf(pool, table)) {
      if (takeMatching(copies, index) !== undefined) continue;
      const name = copyName(table, index.name) ?? `${next}_${index.name}`;
      await inTransaction(pool, async (client) => {
        // A sort in memory rather than in temporary files, for this build alone.
        await client.query(`SELECT set_config('maintenance_work_mem', $1, true)`, [maintenanceMemory]);
        await client.query(
          `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${quoteIdent(next)} ${index.method}`,
        );
      });
      built += 1;
    }
  }
  return built;
}

interface TableIndex {
  readonly name: string;
  readonly unique: boolean;
  /** A primary key, unique or exclusion constraint of the table owns it. */
  readonly constraint: boolean;
  /** Its definition from `USING` on: method, keys, INCLUDE and WHERE, the same on a copy of the table. */
  readonly method: string;
}

async function indexesOf(db: Queryable, table: string): Promise<TableIndex[]> {
  const { rows } = await db.query<TableIndex>(
    `SELECT c.relname AS name, i.indisunique AS unique,
            EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
              AS constraint,
            substring(pg_get_indexdef(i.indexrelid) FROM ' USING .*$') AS method
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = to_regclass(quote_ident($1))
     ORDER BY c.relname`,
    [table],
  );
  return rows;
}

/** Removes from `copies` and answers the copy of `index`, if there is one. */
function takeMatching(copies: TableIndex[], index: TableIndex): TableIndex | undefined {
  const at = copies.findIndex((copy) => copy.method === index.method && copy.unique === index.unique);
  return at === -1 ? undefined : copies.splice(at, 1)[0];
}

/**
 * The name on a fresh copy of a live index named after its table, which the swap turns back into
 * the live name; none for an index named otherwise (its copy keeps the name PostgreSQL gave it).
 */
function copyName(table: string, index: string): string | undefined {
  return index.startsWith(table) ? nextTableName(table) + index.slice(table.length) : undefined;
}

/** Statistics for the planner on a track's tables (the live ones or the fresh copies), sampled as ANALYZE does. */
export async function analyzeTables(db: Queryable, projection: Projection, track: Track): Promise<void> {
  const table = tableNamer(projection, track);
  for (const name of projection.tables) await db.query(`ANALYZE ${table(name)}`);
}

export async function nextTablesExist(db: Queryable, tables: readonly string[]): Promise<boolean> {
  const { rows } = await db.query<{ missing: number }>(
    `SELECT count(*) FILTER (WHERE to_regclass(quote_ident(name)) IS NULL)::int AS missing
     FROM unnest($1::text[]) AS name`,
    [tables.map(nextTableName)],
  );
  return rows[0]!.missing === 0;
}

/** Puts the fresh copies in place of the live tables; run it inside the swap's transaction. */
export async function swapTables(db: Queryable, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const old = oldTableName(table);
    await db.query(`ALTER TABLE ${quoteIdent(table)} RENAME TO ${quoteIdent(old)}`);
    await db.query(`ALTER TABLE ${quoteIdent(nextTableName(table))} RENAME TO ${quoteIdent(table)}`);
    await keepSharedSequences(db, old, table);
    await db.query(`DROP TABLE ${quoteIdent(old)}`);
    await renameCopiedIndexes(db, table);
  }
}

/**
 * A copied serial column still draws from the sequence the old table owns, which would be
 * dropped with it: the new table takes the sequence over.
 */
async function keepSharedSequences(db: Queryable, from: string, to: string): Promise<void> {
  const { rows } = await db.query<{ sequence: string; column: string }>(
    `SELECT s.relname AS sequence, a.attname AS column
     FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE d.classid = 'pg_class'::regclass AND d.refobjid = to_regclass(quote_ident($1)) AND d.deptype = 'a'`,
    [from],
  );
  for (const { sequence, column } of rows) {
    await db.query(`ALTER SEQUENCE ${quoteIdent(sequence)} OWNED BY ${quoteIdent(to)}.${quoteIdent(column)}`);
  }
}

/** Indexes copied with the table were named after the copy; give them the live table's prefix. */
async function renameCopiedIndexes(db: Queryable, table: string): Promise<void> {
  const prefix = nextTableName(table);
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = to_regclass(quote_ident($1)) AND starts_with(c.relname, $2)`,
    [table, prefix],
  );
  for (const { name } of rows) {
    await db.query(
      `ALTER INDEX ${quoteIdent(name)} RENAME TO ${quoteIdent(table + name.slice(prefix.length))}`,
    );
  }
}
