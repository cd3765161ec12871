/**
 * Ranks are not stored (a move would rewrite every row after it): a current entry's rank is its
 * place among the list's current entries in key order, which `list_entries_order_idx` serves.
 */

/** Rank of the current entry `alias` (a row of `list_entries`): 1 + the current entries before it. */
export const entryRankSql = (alias: string, entries = 'list_entries'): string =>
  `(SELECT count(*) + 1 FROM ${entries} AS earlier
    WHERE earlier.list_id = ${alias}.list_id AND earlier.removed_at IS NULL
      AND earlier.position < ${alias}.position)::int`;

/** Rank of each row in a window over the current entries (`WHERE removed_at IS NULL`) of lists. */
export const RANK_OVER_ENTRIES = `row_number() OVER (PARTITION BY list_id ORDER BY position)::int`;
