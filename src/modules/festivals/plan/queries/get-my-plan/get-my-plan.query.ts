import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProgrammeReader } from '../../../programme/programme-reader.js';
import type { PlanView } from '../../plan.response.js';
import { PlanReads } from '../plan-reads.js';

/** The member's own plan for an edition; empty and private before the first screening. */
export class GetMyPlan extends Query<PlanView> {
  constructor(
    readonly memberId: string,
    readonly festival: string,
    readonly year: string | number,
  ) {
    super();
  }
}

@QueryHandler(GetMyPlan)
export class GetMyPlanHandler implements IQueryHandler<GetMyPlan> {
  constructor(
    private readonly programme: ProgrammeReader,
    private readonly plans: PlanReads,
  ) {}

  async execute({ memberId, festival, year }: GetMyPlan): Promise<PlanView> {
    return this.plans.ownPlan(memberId, await this.programme.edition(festival, year));
  }
}
