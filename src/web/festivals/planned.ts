import type { QueryBus } from '@nestjs/cqrs';
import type { Reader } from '../http/web-request.js';
import type { FriendsPlanning } from './festival-shapes.js';
import { GetFriendsPlanning, GetMyPlan } from './festival-messages.js';
import type { PlanContext } from './screening-parts.js';

/** The reader's planned screenings in an edition, for the plan buttons; none asked for an anonymous reader. */
export async function plannedIn(
  queries: QueryBus,
  reader: Reader | null | undefined,
  festival: string,
  year: number,
): Promise<PlanContext> {
  if (!reader) return { festival, year, planned: null };
  const plan = await queries.execute(new GetMyPlan(reader.id, festival, year));
  return { festival, year, planned: new Set(plan.items.map((item) => item.screening.id)) };
}

/**
 * The members the reader follows planning each of a page's screenings, in one query for the whole
 * page; not asked for an anonymous reader (they follow nobody) or a page without screenings.
 */
export async function friendsPlanning(
  queries: QueryBus,
  reader: Reader | null | undefined,
  screeningIds: readonly string[],
): Promise<FriendsPlanning | undefined> {
  if (!reader || screeningIds.length === 0) return undefined;
  return queries.execute(new GetFriendsPlanning(screeningIds, reader.id));
}
