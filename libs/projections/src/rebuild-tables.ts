import type { Track } from './checkpoint-store.js';
import type { Projection } from './projection.js';
import type { Queryable } from './sql.js';
import { quoteIdent } from './sql.js';
import { nextTableName, oldTableName, tableNamer } from './table-names.js';

/** Fresh, empty copies of the live tables (columns, defaults, constraints, indexes). */
export async function createNextTables(db: Queryable, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const next = quoteIdent(nextTableName(table));
    await db.query(`DROP TABLE IF EXISTS ${next}`);
    await db.query(`CREATE TABLE ${next} (LIKE ${quoteIdent(table)} INCLUDING ALL)`);
  }
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
