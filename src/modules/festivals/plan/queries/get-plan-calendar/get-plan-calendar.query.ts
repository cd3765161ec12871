import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ProgrammeReader } from '../../../programme/programme-reader.js';
import { PlanCalendars } from '../../calendar/plan-calendars.js';
import { planIcs } from '../../calendar/plan-ics.js';
import { CalendarNotFoundException } from '../../plan-errors.js';
import { PlanReads } from '../plan-reads.js';

/** The member's plan as iCalendar text. */
export class GetPlanCalendar extends Query<string> {
  constructor(
    readonly memberId: string,
    readonly festival: string,
    readonly year: string | number,
  ) {
    super();
  }
}

/** The plan a subscription token opens, as iCalendar text; 404 for a token unknown or revoked. */
export class GetCalendarByToken extends Query<string> {
  constructor(readonly token: string) {
    super();
  }
}

@QueryHandler(GetPlanCalendar)
export class GetPlanCalendarHandler implements IQueryHandler<GetPlanCalendar> {
  constructor(
    private readonly programme: ProgrammeReader,
    private readonly plans: PlanReads,
  ) {}

  async execute({ memberId, festival, year }: GetPlanCalendar): Promise<string> {
    const edition = await this.programme.edition(festival, year);
    return planIcs(memberId, edition, await this.plans.ownPlan(memberId, edition));
  }
}

@QueryHandler(GetCalendarByToken)
export class GetCalendarByTokenHandler implements IQueryHandler<GetCalendarByToken> {
  constructor(
    private readonly programme: ProgrammeReader,
    private readonly calendars: PlanCalendars,
    private readonly plans: PlanReads,
  ) {}

  async execute({ token }: GetCalendarByToken): Promise<string> {
    const owner = await this.calendars.find(token);
    const edition = owner === null ? null : await this.programme.editionById(owner.editionId);
    if (owner === null || edition === null) throw new CalendarNotFoundException();
    return planIcs(owner.ownerId, edition, await this.plans.ownPlan(owner.ownerId, edition));
  }
}
