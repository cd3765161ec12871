import { applyDecorators, Body, Controller, Delete, Get, Param, Patch, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type SignedInUser } from '../../../common/auth/index.js';
import { ConsistentRead } from '../../../common/consistency/consistent-read.js';
import { ApiProblem, MEMBER_WRITE, SIGNED_IN } from '../../../common/openapi/problem-responses.js';
import { Actor } from '../../../platform/commands/actor.decorator.js';
import { ChangePlanVisibility } from './commands/change-plan-visibility/change-plan-visibility.command.js';
import { ChangePlanVisibilityRequest } from './commands/change-plan-visibility/change-plan-visibility.request.js';
import { PlanScreening } from './commands/plan-screening/plan-screening.command.js';
import { UnplanScreening } from './commands/unplan-screening/unplan-screening.command.js';
import {
  PlanResponse,
  PlanWrittenResponse,
  ScreeningFriendsResponse,
  type PlanView,
  type PlanWritten,
  type ScreeningFriends,
} from './plan.response.js';
import { GetMemberPlan } from './queries/get-member-plan/get-member-plan.query.js';
import { GetMyPlan } from './queries/get-my-plan/get-my-plan.query.js';
import { GetScreeningFriends } from './queries/get-screening-friends/get-screening-friends.query.js';
import { festivalPlansProjection } from './projections/festival-plans.projection.js';
import { followsProjection } from '../../social/projections/follows.projection.js';
import { USERNAME } from '../../identity/accounts/username.param.js';
import { FESTIVAL, NO_EDITION, YEAR } from '../programme/edition.param.js';

export const MY_PLAN = 'me/festivals/:festival/:year/plan';
const SCREENING = ApiParam({
  name: 'screeningId',
  format: 'uuid',
  description: 'A screening of this edition',
});
const NO_SCREENING = ApiProblem(
  404,
  'No such festival or edition, or no screening with that id in this edition (a malformed id included)',
);

/** What adding a screening to my plan and taking it out share. */
const PlanItemWrite = (summary: string): MethodDecorator =>
  applyDecorators(
    FESTIVAL,
    YEAR,
    SCREENING,
    ApiOperation({ summary }),
    ApiOkResponse({ type: PlanWrittenResponse }),
    MEMBER_WRITE,
    NO_SCREENING,
  );

/** A member's festival plan ("My EIFF"), shared with friends, and the friends who plan to see a screening. */
@ApiTags('festival plans')
@Controller()
export class PlanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(`${MY_PLAN}/:screeningId`)
  @PlanItemWrite('Add a screening to my plan; planned already: nothing changes')
  plan(
    @Actor() { user, context }: Actor,
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Param('screeningId') screeningId: string,
  ): Promise<PlanWritten> {
    return this.commands.execute(new PlanScreening(user.id, festival, year, screeningId, context));
  }

  @Delete(`${MY_PLAN}/:screeningId`)
  @PlanItemWrite(
    'Take a screening out of my plan; not planned: nothing changes. A screening since deleted from the programme can still be taken out',
  )
  unplan(
    @Actor() { user, context }: Actor,
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Param('screeningId') screeningId: string,
  ): Promise<PlanWritten> {
    return this.commands.execute(new UnplanScreening(user.id, festival, year, screeningId, context));
  }

  @Get(MY_PLAN)
  @ConsistentRead(festivalPlansProjection)
  @FESTIVAL
  @YEAR
  @ApiOperation({
    summary: 'My plan: screenings by start with their clashes, the bulk-discount tier and the total',
  })
  @ApiOkResponse({ type: PlanResponse })
  @SIGNED_IN
  @NO_EDITION
  myPlan(
    @CurrentUser() user: SignedInUser,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ): Promise<PlanView> {
    return this.queries.execute(new GetMyPlan(user.id, festival, year));
  }

  @Patch(MY_PLAN)
  @FESTIVAL
  @YEAR
  @ApiOperation({ summary: 'Who sees my plan: private (the default), friends (members I follow) or public' })
  @ApiOkResponse({ type: PlanWrittenResponse })
  @ApiProblem(400, 'A missing or bad visibility, or an unknown field, named')
  @MEMBER_WRITE
  @NO_EDITION
  share(
    @Actor() { user, context }: Actor,
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Body() body: ChangePlanVisibilityRequest,
  ): Promise<PlanWritten> {
    return this.commands.execute(new ChangePlanVisibility(user.id, festival, year, body.visibility, context));
  }

  @Public()
  @Get('users/:username/festivals/:festival/:year/plan')
  // Who sees a friends-only plan comes from the follows table.
  @ConsistentRead(festivalPlansProjection, followsProjection)
  @USERNAME
  @FESTIVAL
  @YEAR
  @ApiOperation({
    summary:
      'A member’s plan, as the lists’ rule lets the reader see it: public to all, friends to the members the owner follows, private to the owner',
  })
  @ApiOkResponse({ type: PlanResponse })
  @ApiProblem(404, 'No such member, festival or edition, or no plan of theirs this reader may see')
  memberPlan(
    @CurrentUser() reader: SignedInUser | undefined,
    @Param('username') username: string,
    @Param('festival') festival: string,
    @Param('year') year: string,
  ): Promise<PlanView> {
    return this.queries.execute(new GetMemberPlan(username, reader?.id ?? null, festival, year));
  }

  @Get('screenings/:id/friends')
  @ConsistentRead(festivalPlansProjection, followsProjection)
  @ApiParam({ name: 'id', format: 'uuid', description: 'The screening' })
  @ApiOperation({
    summary: 'Members I follow who plan to see this screening (and let me see their plan), by username',
  })
  @ApiOkResponse({ type: ScreeningFriendsResponse })
  @SIGNED_IN
  @ApiProblem(404, 'No screening with that id')
  screeningFriends(@CurrentUser() user: SignedInUser, @Param('id') id: string): Promise<ScreeningFriends> {
    return this.queries.execute(new GetScreeningFriends(id, user.id));
  }
}
