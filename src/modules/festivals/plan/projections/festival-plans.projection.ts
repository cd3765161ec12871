import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import {
  parsePlanStream,
  PLAN_STREAM_PREFIX,
  PLAN_EVENT_TYPES,
  type PlanEvent,
  type PlanVisibility,
} from '../../domain/plan.events.js';
import { scrubbingErasedMembers } from '../../../../platform/personal-data/scrubbing-projection.js';

/** What one batch did to one plan: the last word on each screening it touched, and on visibility. */
interface PlanOutcome {
  readonly ownerId: string;
  readonly editionId: string;
  visibility: PlanVisibility | null;
  updatedAt: string;
  /** screening id → when it was (last) planned, or null when it ended the batch unplanned. */
  readonly screenings: Map<string, string | null>;
}

/**
 * Members' festival plans: one row per member and edition (who may see it), one per planned
 * screening. A batch is folded per plan in memory; then one upsert per kind of plan row, one
 * upsert of the screenings left planned and one delete of those left unplanned. Every statement
 * sets rows to what the events say, so a replayed batch writes the same rows.
 */
const festivalPlansReadModel: Projection = {
  name: 'festival-plans',
  version: 1,
  handles: PLAN_EVENT_TYPES,
  tables: ['festival_plans', 'festival_plan_items'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const plans = foldPlans(events.filter((event) => event.streamId.startsWith(PLAN_STREAM_PREFIX)));
    if (plans.length === 0) return;
    await writePlans(plans, context);
    await writeItems(plans, context);
  },
};

function foldPlans(events: readonly RecordedEvent[]): PlanOutcome[] {
  const plans = new Map<string, PlanOutcome>();
  for (const event of events) {
    const { memberId, editionId } = parsePlanStream(event.streamId);
    const occurredAt = event.metadata.occurredAt;
    const plan = plans.get(event.streamId) ?? {
      ownerId: memberId,
      editionId,
      visibility: null,
      updatedAt: occurredAt,
      screenings: new Map<string, string | null>(),
    };
    plan.updatedAt = occurredAt;
    const fact = { type: event.type, data: event.data } as PlanEvent;
    switch (fact.type) {
      case 'ScreeningPlanned':
        plan.screenings.set(fact.data.screeningId, occurredAt);
        break;
      case 'ScreeningUnplanned':
        plan.screenings.set(fact.data.screeningId, null);
        break;
      case 'PlanVisibilityChanged':
        plan.visibility = fact.data.visibility;
        break;
    }
    plans.set(event.streamId, plan);
  }
  // Sorted, so rows are always locked in one order.
  return [...plans.keys()].sort().map((key) => plans.get(key)!);
}

/**
 * A plan first seen here is private unless the batch says otherwise; a known one keeps its
 * visibility unless the batch changed it (second statement: an upsert cannot tell "no change" apart).
 */
async function writePlans(plans: readonly PlanOutcome[], context: ProjectionContext): Promise<void> {
  const table = context.table('festival_plans');
  await context.query(
    `INSERT INTO ${table} AS plan (owner_id, edition_id, visibility, updated_at)
     SELECT owner_id, edition_id, COALESCE(visibility, 'private'), updated_at
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
       AS batch(owner_id, edition_id, visibility, updated_at)
     ON CONFLICT (owner_id, edition_id) DO UPDATE SET
       updated_at = GREATEST(plan.updated_at, EXCLUDED.updated_at)`,
    [
      plans.map((plan) => plan.ownerId),
      plans.map((plan) => plan.editionId),
      plans.map((plan) => plan.visibility),
      plans.map((plan) => plan.updatedAt),
    ],
  );
  const shared = plans.filter((plan) => plan.visibility !== null);
  if (shared.length === 0) return;
  await context.query(
    `UPDATE ${table} AS plan SET visibility = batch.visibility
     FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS batch(owner_id, edition_id, visibility)
     WHERE plan.owner_id = batch.owner_id AND plan.edition_id = batch.edition_id`,
    [
      shared.map((plan) => plan.ownerId),
      shared.map((plan) => plan.editionId),
      shared.map((plan) => plan.visibility),
    ],
  );
}

async function writeItems(plans: readonly PlanOutcome[], context: ProjectionContext): Promise<void> {
  const table = context.table('festival_plan_items');
  const touched = plans.flatMap((plan) =>
    [...plan.screenings].map(([screeningId, addedAt]) => ({ ...plan, screeningId, addedAt })),
  );
  const planned = touched.filter((item) => item.addedAt !== null);
  const unplanned = touched.filter((item) => item.addedAt === null);
  if (planned.length > 0) {
    await context.query(
      `INSERT INTO ${table} (owner_id, edition_id, screening_id, added_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[])
       ON CONFLICT (owner_id, edition_id, screening_id) DO UPDATE SET added_at = EXCLUDED.added_at`,
      [
        planned.map((item) => item.ownerId),
        planned.map((item) => item.editionId),
        planned.map((item) => item.screeningId),
        planned.map((item) => item.addedAt),
      ],
    );
  }
  if (unplanned.length > 0) {
    await context.query(
      `DELETE FROM ${table} AS item
       USING unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS batch(owner_id, edition_id, screening_id)
       WHERE item.owner_id = batch.owner_id AND item.edition_id = batch.edition_id
         AND item.screening_id = batch.screening_id`,
      [
        unplanned.map((item) => item.ownerId),
        unplanned.map((item) => item.editionId),
        unplanned.map((item) => item.screeningId),
      ],
    );
  }
}

/** The read model, forgetting erased members. */
export const festivalPlansProjection = scrubbingErasedMembers(
  festivalPlansReadModel,
  async (members, context) => {
    for (const table of ['festival_plan_items', 'festival_plans'])
      await context.query(`DELETE FROM ${context.table(table)} WHERE owner_id = ANY($1::uuid[])`, [members]);
  },
);
