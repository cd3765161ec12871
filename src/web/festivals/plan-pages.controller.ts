import { Body, Get, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { safeNext } from '../auth/auth-pages.controller.js';
import { fieldText } from '../http/forms.js';
import { SignInRequired } from '../http/web-metadata.js';
import { postersOf } from '../http/page-posters.js';
import { WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import type { WebRequest } from '../http/web-request.js';
import { PLAN_VISIBILITIES } from './festival-shapes.js';
import {
  ChangePlanVisibility,
  GetEdition,
  GetMemberPlan,
  GetMyPlan,
  IssueCalendarUrl,
  PlanScreening,
  RevokeCalendarUrl,
  UnplanScreening,
} from './festival-messages.js';
import { festivalPaths } from './festival-words.js';
import { MemberPlanView, MyPlanView } from './plan-views.js';

type FormBody = Record<string, unknown> | undefined;

/** A member's festival plan: My plan with its forms, and a plan as others may see it. */
@WebPages()
export class PlanPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('my/festivals/:festival/:year')
  @SignInRequired()
  myPlan(
    @CurrentUser() user: SignedInUser,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ) {
    return this.renderMyPlan(user, festival, year, { calendarUrl: null, calendarRevoked: false });
  }

  /** `on=on|off` for one screening; back to the page the button was on, which waits for the write. */
  @Post('my/festivals/:festival/:year/plan')
  @SignInRequired()
  async plan(
    @Actor() { user, context }: Actor,
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Body() body: FormBody,
  ): Promise<SeeOther> {
    const on = body?.on;
    const screening = fieldText(body?.screening);
    const errors = [
      ...(on === 'on' || on === 'off' ? [] : [{ field: 'on', message: 'on must be "on" or "off"' }]),
      ...(screening ? [] : [{ field: 'screening', message: 'screening must name a screening' }]),
    ];
    if (errors.length > 0 || !screening) throw new InvalidInputException(errors);
    const Command = on === 'on' ? PlanScreening : UnplanScreening;
    const result = await this.commands.execute(new Command(user.id, festival, year, screening, context));
    const back = safeNext(body?.back);
    return seeOther(back === '/' ? festivalPaths.myPlan(festival, year) : back, result.position);
  }

  @Post('my/festivals/:festival/:year/visibility')
  @SignInRequired()
  async visibility(
    @Actor() { user, context }: Actor,
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Body() body: FormBody,
  ): Promise<SeeOther> {
    const visibility = PLAN_VISIBILITIES.find((candidate) => candidate === body?.visibility);
    if (!visibility) {
      throw new InvalidInputException([
        { field: 'visibility', message: 'visibility must be private, friends or public' },
      ]);
    }
    const result = await this.commands.execute(
      new ChangePlanVisibility(user.id, festival, year, visibility, context),
    );
    return seeOther(festivalPaths.myPlan(festival, year), result.position);
  }

  /** The new link is shown on the answer itself: only its hash is kept, so no later page can show it. */
  @Post('my/festivals/:festival/:year/calendar')
  @SignInRequired()
  async issueCalendar(
    @CurrentUser() user: SignedInUser,
    @Req() request: WebRequest,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ) {
    // Absolute, as calendar apps need it; the host is this request's (Express honours trust proxy).
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    const { url } = await this.commands.execute(new IssueCalendarUrl(user.id, festival, year, origin));
    return this.renderMyPlan(user, festival, year, { calendarUrl: url, calendarRevoked: false });
  }

  @Post('my/festivals/:festival/:year/calendar/revoke')
  @SignInRequired()
  async revokeCalendar(
    @CurrentUser() user: SignedInUser,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ) {
    await this.commands.execute(new RevokeCalendarUrl(user.id, festival, year));
    return this.renderMyPlan(user, festival, year, { calendarUrl: null, calendarRevoked: true });
  }

  /** The lists' visibility rule, in the module: a plan the reader may not see is a 404 page. */
  @Get('member/:username/festivals/:festival/:year')
  async memberPlan(
    @Req() request: WebRequest,
    @Param('username') username: string,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ) {
    const plan = await this.queries.execute(
      new GetMemberPlan(username, request.reader?.id ?? null, festival, year),
    );
    const [edition, posters] = await Promise.all([
      this.queries.execute(new GetEdition(festival, year)),
      postersOf(
        this.queries,
        plan.items.map((item) => item.screening.film),
      ),
    ]);
    return view(MemberPlanView, { username, edition, plan, posters });
  }

  private async renderMyPlan(
    user: SignedInUser,
    festival: string,
    year: string,
    calendar: { calendarUrl: string | null; calendarRevoked: boolean },
  ) {
    const edition = await this.queries.execute(new GetEdition(festival, year));
    const plan = await this.queries.execute(new GetMyPlan(user.id, festival, year));
    const planned = new Set(plan.items.map((item) => item.screening.id));
    const posters = await postersOf(
      this.queries,
      plan.items.map((item) => item.screening.film),
    );
    return view(MyPlanView, {
      edition,
      plan,
      posters,
      context: { festival: edition.festival.slug, year: edition.year, planned },
      ...calendar,
    });
  }
}
