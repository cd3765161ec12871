import { visibleListCondition } from '../../../../lists/queries/list-visibility.js';

/**
 * The one statement of who among the members the reader follows plans a screening, for the
 * single screening (`$1`) and the batch (`ANY($1::uuid[])`) alike: `screenings` is the right-hand
 * side of `item.screening_id = …`, `reader` the reader's parameter. A plan shows only if the
 * lists' rule lets the reader see it (a friends plan: its owner must follow the reader back).
 */
export const friendsPlanningSql = (screenings: string, reader: string): string =>
  `SELECT item.screening_id, account.id, account.username
   FROM follows AS follow
   JOIN festival_plan_items AS item ON item.owner_id = follow.followee_id AND item.screening_id = ${screenings}
   JOIN festival_plans AS plan ON plan.owner_id = item.owner_id AND plan.edition_id = item.edition_id
   JOIN accounts AS account ON account.id = item.owner_id
   WHERE follow.follower_id = ${reader} AND ${visibleListCondition('plan', reader)}
   ORDER BY item.screening_id, account.username_key, account.id`;

export interface FriendPlanningRow {
  readonly screening_id: string;
  readonly id: string;
  readonly username: string;
}
