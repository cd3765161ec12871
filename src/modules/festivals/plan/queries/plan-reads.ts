import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { visibleListCondition } from '../../../lists/queries/list-visibility.js';
import type { PlanVisibility } from '../../domain/plan.events.js';
import { ProgrammeReader, type EditionRef } from '../../programme/programme-reader.js';
import { planView } from '../plan-view.js';
import type { PlanView } from '../plan.response.js';

interface PlanRow {
  visibility: PlanVisibility;
  screening_ids: string[];
}

/** Plans as the festival-plans projection holds them, shown through the one plan view. */
@Injectable()
export class PlanReads {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly programme: ProgrammeReader,
  ) {}

  /**
   * The owner's plan for the edition if the reader may see it (the lists' rule: a plan row has
   * owner_id and visibility as a list row does); null when there is none or it is hidden.
   */
  async visiblePlan(ownerId: string, edition: EditionRef, readerId: string | null): Promise<PlanView | null> {
    const { rows } = await this.pool.query<PlanRow>({
      name: 'festival-plan-visible',
      text: `SELECT plan.visibility,
                    ARRAY(SELECT item.screening_id FROM festival_plan_items AS item
                          WHERE item.owner_id = plan.owner_id AND item.edition_id = plan.edition_id)::text[]
                      AS screening_ids
             FROM festival_plans AS plan
             WHERE plan.owner_id = $1 AND plan.edition_id = $2 AND ${visibleListCondition('plan', '$3::uuid')}`,
      values: [ownerId, edition.id, readerId],
    });
    const row = rows[0];
    if (row === undefined) return null;
    return planView(edition, row.visibility, await this.programme.screenings(row.screening_ids));
  }

  /** The member's own plan; one never started is empty and private. */
  async ownPlan(memberId: string, edition: EditionRef): Promise<PlanView> {
    return (await this.visiblePlan(memberId, edition, memberId)) ?? planView(edition, 'private', []);
  }
}
