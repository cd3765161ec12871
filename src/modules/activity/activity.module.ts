import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { SocialModule } from '../social/social.module.js';
import { ActivityController } from './activity.controller.js';
import { MemberListsController } from './member-lists.controller.js';
import { GetFeedHandler } from './queries/get-feed/get-feed.query.js';
import { GetFilmActivityHandler } from './queries/get-film-activity/get-film-activity.query.js';
import { GetFriendsWhoCheckedHandler } from './queries/get-friends-who-checked/get-friends-who-checked.query.js';
import { GetMemberActivityHandler } from './queries/get-member-activity/get-member-activity.query.js';
import { GetRecentActivityHandler } from './queries/get-recent-activity/get-recent-activity.query.js';
import { GetMemberChecksHandler } from './queries/get-member-checks/get-member-checks.query.js';
import {
  GetMemberFavouritesHandler,
  GetMemberWatchlistHandler,
} from './queries/get-member-marks/get-member-marks.query.js';

const queryHandlers = [
  GetFilmActivityHandler,
  GetRecentActivityHandler,
  GetFeedHandler,
  GetFriendsWhoCheckedHandler,
  GetMemberActivityHandler,
  GetMemberChecksHandler,
  GetMemberFavouritesHandler,
  GetMemberWatchlistHandler,
];

/** Who did what to which film: a film's activity, the feed, friends who saw it, a member's lists. */
@Module({
  // Social gives Members: usernames in paths.
  imports: [CatalogModule, SocialModule],
  controllers: [ActivityController, MemberListsController],
  providers: queryHandlers,
})
export class ActivityModule {}
