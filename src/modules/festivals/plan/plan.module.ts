import { Module } from '@nestjs/common';
import { SocialModule } from '../../social/social.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { PlanCalendars } from './calendar/plan-calendars.js';
import {
  IssueCalendarUrlHandler,
  RevokeCalendarUrlHandler,
} from './commands/calendar-url/calendar-url.command.js';
import { ChangePlanVisibilityHandler } from './commands/change-plan-visibility/change-plan-visibility.command.js';
import { PlanCommandRunner } from './commands/plan-command-runner.js';
import { PlanScreeningHandler } from './commands/plan-screening/plan-screening.command.js';
import { UnplanScreeningHandler } from './commands/unplan-screening/unplan-screening.command.js';
import { PlanCalendarController } from './plan-calendar.controller.js';
import { PlanController } from './plan.controller.js';
import { GetFriendsPlanningHandler } from './queries/friends-planning/friends-planning.query.js';
import { GetMemberPlanHandler } from './queries/get-member-plan/get-member-plan.query.js';
import { GetMyPlanHandler } from './queries/get-my-plan/get-my-plan.query.js';
import {
  GetCalendarByTokenHandler,
  GetPlanCalendarHandler,
} from './queries/get-plan-calendar/get-plan-calendar.query.js';
import { GetScreeningFriendsHandler } from './queries/get-screening-friends/get-screening-friends.query.js';
import { PlanReads } from './queries/plan-reads.js';

const commandHandlers = [
  PlanScreeningHandler,
  UnplanScreeningHandler,
  ChangePlanVisibilityHandler,
  IssueCalendarUrlHandler,
  RevokeCalendarUrlHandler,
];
const queryHandlers = [
  GetMyPlanHandler,
  GetMemberPlanHandler,
  GetScreeningFriendsHandler,
  GetFriendsPlanningHandler,
  GetPlanCalendarHandler,
  GetCalendarByTokenHandler,
];

/** A member's festival plan ("My EIFF"): event-sourced, shared with friends, subscribed to as a calendar. */
@Module({
  // The programme gives ProgrammeReader; social the members named in a path.
  imports: [ProgrammeModule, SocialModule],
  // The calendar's routes first: `plan/calendar-url` must be matched before `plan/:screeningId`.
  controllers: [PlanCalendarController, PlanController],
  providers: [PlanCommandRunner, PlanCalendars, PlanReads, ...commandHandlers, ...queryHandlers],
})
export class FestivalPlanModule {}
