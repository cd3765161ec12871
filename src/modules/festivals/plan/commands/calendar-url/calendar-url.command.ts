import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProgrammeReader } from '../../../programme/programme-reader.js';
import { PlanCalendars } from '../../calendar/plan-calendars.js';

export interface CalendarUrl {
  readonly url: string;
}

/**
 * Where a subscription token is served: a path from the site root. The API prefix is written out:
 * importing it from the HTTP setup would tie this module to the web pages that import it.
 */
export const calendarPath = (token: string): string => `/api/v1/festival-calendars/${token}.ics`;

/**
 * A new private subscription URL for the member's plan calendar (the old one is revoked). With
 * `origin` (e.g. "https://filmlog.example") the URL is absolute, as calendar apps need it;
 * without, a path from the site root.
 */
export class IssueCalendarUrl extends Command<CalendarUrl> {
  constructor(
    readonly memberId: string,
    readonly festival: string,
    readonly year: string | number,
    readonly origin?: string,
  ) {
    super();
  }
}

/** Revokes the member's subscription URL for that edition; none: nothing changes. */
export class RevokeCalendarUrl extends Command<void> {
  constructor(
    readonly memberId: string,
    readonly festival: string,
    readonly year: string | number,
  ) {
    super();
  }
}

@CommandHandler(IssueCalendarUrl)
export class IssueCalendarUrlHandler implements ICommandHandler<IssueCalendarUrl> {
  constructor(
    private readonly programme: ProgrammeReader,
    private readonly calendars: PlanCalendars,
  ) {}

  async execute({ memberId, festival, year, origin }: IssueCalendarUrl): Promise<CalendarUrl> {
    const edition = await this.programme.edition(festival, year);
    const path = calendarPath(await this.calendars.issue(memberId, edition.id));
    return { url: origin === undefined ? path : new URL(path, origin).href };
  }
}

@CommandHandler(RevokeCalendarUrl)
export class RevokeCalendarUrlHandler implements ICommandHandler<RevokeCalendarUrl> {
  constructor(
    private readonly programme: ProgrammeReader,
    private readonly calendars: PlanCalendars,
  ) {}

  async execute({ memberId, festival, year }: RevokeCalendarUrl): Promise<void> {
    const edition = await this.programme.edition(festival, year);
    await this.calendars.revoke(memberId, edition.id);
  }
}
