import { Body, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { FollowMember } from '../../modules/social/commands/follow/follow.command.js';
import { GetProfile } from '../../modules/social/queries/get-profile/get-profile.query.js';
import { IsFollowing } from '../../modules/social/queries/is-following/is-following.query.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import { SignInRequired } from '../http/web-metadata.js';
import type { WebRequest } from '../http/web-request.js';
import { postersOf } from '../http/page-posters.js';
import {
  DEFAULT_TAB,
  PROFILE_TABS,
  loadSection,
  profileHref,
  sectionFilms,
  tabOf,
} from './member-sections.js';
import { ProfileView } from './profile-views.js';
import { filledText } from '../http/forms.js';

type FormBody = Record<string, unknown>;

/** A member's profile: counts, their films, lists, activity and follows, and following them. */
@WebPages('member')
export class MemberPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':username')
  async profile(
    @Req() request: WebRequest,
    @Param('username') username: string,
    @Query('tab') tabValue: unknown,
    @Query('cursor') cursorValue: unknown,
  ) {
    const tab = tabOf(tabValue);
    const cursor = filledText(cursorValue);
    const reader = request.reader ?? null;
    const profile = await this.queries.execute(new GetProfile(username));
    const [following, section] = await Promise.all([
      reader && reader.id !== profile.id
        ? this.queries.execute(new IsFollowing(reader.id, profile.id))
        : Promise.resolve(null),
      loadSection(this.queries, profile.username, tab, cursor, reader?.id ?? null),
    ]);
    const posters = await postersOf(this.queries, sectionFilms(section));
    return view(ProfileView, { profile, following, section, posters, cursor });
  }

  /** `following=true|false`: the state the reader wants, so a repeated post changes nothing. */
  @Post(':username/follow')
  @SignInRequired()
  async follow(
    @Actor() { user, context }: Actor,
    @Param('username') username: string,
    @Body() body: FormBody,
  ): Promise<SeeOther> {
    const wanted = body.following;
    if (wanted !== 'true' && wanted !== 'false') {
      throw new InvalidInputException([{ field: 'following', message: 'following must be true or false' }]);
    }
    const result = await this.commands.execute(
      new FollowMember(user.id, username, wanted === 'true', context),
    );
    // Back to the tab the form was on; a tab that is not one is no reason to fail a done write.
    const tab = PROFILE_TABS.find((name) => name === body.tab) ?? DEFAULT_TAB;
    return seeOther(profileHref(username, tab), result.position);
  }
}
