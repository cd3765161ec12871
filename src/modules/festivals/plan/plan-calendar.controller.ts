import { Controller, Delete, Get, Header, HttpCode, Param, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Public, type SignedInUser } from '../../../common/auth/index.js';
import { ConsistentRead } from '../../../common/consistency/consistent-read.js';
import { ApiProblem, MEMBER_WRITE, SIGNED_IN } from '../../../common/openapi/problem-responses.js';
import { CALENDAR_CONTENT_TYPE } from './calendar/plan-ics.js';
import {
  IssueCalendarUrl,
  RevokeCalendarUrl,
  type CalendarUrl,
} from './commands/calendar-url/calendar-url.command.js';
import { MY_PLAN } from './plan.controller.js';
import { FESTIVAL, NO_EDITION, YEAR } from '../programme/edition.param.js';
import { CalendarUrlResponse } from './plan.response.js';
import { GetCalendarByToken, GetPlanCalendar } from './queries/get-plan-calendar/get-plan-calendar.query.js';
import { festivalPlansProjection } from './projections/festival-plans.projection.js';

const ICS = ApiProduces('text/calendar');

/**
 * The plan as an iCalendar file: with the member's token, or at a private subscription URL for
 * calendar apps. Registered before PlanController, so `plan/calendar-url` is not taken for a
 * screening id by `plan/:screeningId` (routes match in the order they are registered).
 */
@ApiTags('festival plans')
@Controller()
export class PlanCalendarController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(`${MY_PLAN}/calendar-url`)
  @FESTIVAL
  @YEAR
  @ApiOperation({
    summary:
      'A new private subscription URL serving the plan’s calendar without a token (for calendar apps); the previous one stops working',
  })
  @ApiOkResponse({ type: CalendarUrlResponse })
  @MEMBER_WRITE
  @NO_EDITION
  issueCalendarUrl(
    @CurrentUser() user: SignedInUser,
    @Req() request: FastifyRequest,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ): Promise<CalendarUrl> {
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    return this.commands.execute(new IssueCalendarUrl(user.id, festival, year, origin));
  }

  @Delete(`${MY_PLAN}/calendar-url`)
  @HttpCode(204)
  @FESTIVAL
  @YEAR
  @ApiOperation({ summary: 'Revoke the plan’s subscription URL (none: nothing changes)' })
  @ApiNoContentResponse({ description: 'The URL no longer serves the calendar' })
  @MEMBER_WRITE
  @NO_EDITION
  async revokeCalendarUrl(
    @CurrentUser() user: SignedInUser,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ): Promise<void> {
    await this.commands.execute(new RevokeCalendarUrl(user.id, festival, year));
  }

  @Get(`${MY_PLAN}.ics`)
  @ConsistentRead(festivalPlansProjection)
  @Header('Content-Type', CALENDAR_CONTENT_TYPE)
  @FESTIVAL
  @YEAR
  @ICS
  @ApiOperation({
    summary: 'My plan as an iCalendar file: one event per planned screening, with a stable UID',
  })
  @ApiOkResponse({ description: 'text/calendar', schema: { type: 'string' } })
  @SIGNED_IN
  @NO_EDITION
  myCalendar(
    @CurrentUser() user: SignedInUser,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ): Promise<string> {
    return this.queries.execute(new GetPlanCalendar(user.id, festival, year));
  }

  @Public()
  @Get('festival-calendars/:token.ics')
  @Header('Content-Type', CALENDAR_CONTENT_TYPE)
  @Header('Cache-Control', 'private, no-cache')
  @ApiParam({ name: 'token', description: 'The secret from a calendar URL' })
  @ICS
  @ApiOperation({
    summary:
      'A plan’s calendar at its private subscription URL, without a token (calendar apps cannot send one)',
  })
  @ApiOkResponse({ description: 'text/calendar', schema: { type: 'string' } })
  @ApiProblem(404, 'No calendar at that URL: never issued, or revoked')
  subscribedCalendar(@Param('token') token: string): Promise<string> {
    return this.queries.execute(new GetCalendarByToken(token));
  }
}
