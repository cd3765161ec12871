import type { QueryBus } from '@nestjs/cqrs';
import type { WebRequest } from '../http/web-request.js';
import { GetMyPlan } from './festival-messages.js';
import type { PlanContext } from './screening-parts.js';

/** The reader's planned screenings in an edition, for the plan buttons; none asked for an anonymous reader. */
export async function plannedIn(
  queries: QueryBus,
  request: WebRequest,
  festival: string,
  year: number,
): Promise<PlanContext> {
  const reader = request.reader ?? null;
  if (!reader) return { festival, year, planned: null };
  const plan = await queries.execute(new GetMyPlan(reader.id, festival, year));
  return { festival, year, planned: new Set(plan.items.map((item) => item.screening.id)) };
}
