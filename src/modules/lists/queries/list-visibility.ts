import type pg from 'pg';
import type { ListVisibility } from '../domain/list.events.js';

/**
 * The one rule of who sees a list, as an SQL condition on a `lists` row (alias `list`) for the
 * reader id in `reader` (a NULL parameter for an anonymous reader): private is the owner's alone,
 * friends adds the members the owner follows, public (every official list) is everyone's.
 * Admins get no more: a private list stays private.
 */
export const visibleListCondition = (list: string, reader: string): string =>
  `(${list}.visibility = 'public'
    OR ${list}.owner_id = ${reader}
    OR (${list}.visibility = 'friends'
        AND EXISTS (SELECT 1 FROM follows WHERE follower_id = ${list}.owner_id AND followee_id = ${reader})))`;

/** The same rule for one list known outside SQL (a list's stream), asked of the follows table. */
export async function mayReaderSee(
  db: Pick<pg.Pool, 'query'>,
  list: { readonly ownerId: string; readonly visibility: ListVisibility },
  readerId: string | null,
): Promise<boolean> {
  const { rows } = await db.query<{ visible: boolean }>({
    name: 'list-visible-to',
    text: `SELECT ${visibleListCondition('list', '$3::uuid')} AS visible
           FROM (SELECT $1::uuid AS owner_id, $2::text AS visibility) AS list`,
    values: [list.ownerId, list.visibility, readerId],
  });
  return rows[0]?.visible === true;
}
