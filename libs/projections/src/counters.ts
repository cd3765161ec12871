import type { ProjectionContext } from './projection.js';

/**
 * Adds each key's net change to a counters table in one upsert (`unnest` of one array per column).
 * Keys are sorted, so concurrent writers would lock rows in one order.
 */
export async function addCounts<Column extends string>(
  context: ProjectionContext,
  table: { readonly name: string; readonly key: string; readonly columns: readonly Column[] },
  tallies: ReadonlyMap<string, Readonly<Record<Column, number>>>,
): Promise<void> {
  if (tallies.size === 0) return;
  const keys = [...tallies.keys()].sort();
  const columns = table.columns.map((column) => keys.map((key) => tallies.get(key)![column]));
  const arrays = table.columns.map((_, index) => `$${index + 2}::int[]`).join(', ');
  await context.query(
    `INSERT INTO ${context.table(table.name)} AS counts (${table.key}, ${table.columns.join(', ')}, updated_at)
     SELECT change.*, now()
     FROM unnest($1::uuid[], ${arrays}) AS change
     ON CONFLICT (${table.key}) DO UPDATE SET
       ${table.columns.map((column) => `${column} = counts.${column} + EXCLUDED.${column}`).join(', ')},
       updated_at = now()`,
    [keys, ...columns],
  );
}
