import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Members } from '../../../../social/members/members.js';
import { ProgrammeReader } from '../../../programme/programme-reader.js';
import { PlanNotFoundException } from '../../plan-errors.js';
import type { PlanView } from '../../plan.response.js';
import { PlanReads } from '../plan-reads.js';

/**
 * A member's plan as a reader sees it: 404 when hidden from them by the lists' rule, and for a
 * member with no plan at all, except to the member, who sees their empty private plan.
 */
export class GetMemberPlan extends Query<PlanView> {
  constructor(
    readonly username: string,
    readonly readerId: string | null,
    readonly festival: string,
    readonly year: string | number,
  ) {
    super();
  }
}

@QueryHandler(GetMemberPlan)
export class GetMemberPlanHandler implements IQueryHandler<GetMemberPlan> {
  constructor(
    private readonly programme: ProgrammeReader,
    private readonly members: Members,
    private readonly plans: PlanReads,
  ) {}

  async execute({ username, readerId, festival, year }: GetMemberPlan): Promise<PlanView> {
    const edition = await this.programme.edition(festival, year);
    const member = await this.members.byUsername(username);
    if (member.id === readerId) return this.plans.ownPlan(member.id, edition);
    const plan = await this.plans.visiblePlan(member.id, edition, readerId);
    if (plan === null) throw new PlanNotFoundException(username);
    return plan;
  }
}
