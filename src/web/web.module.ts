import { Module } from '@nestjs/common';
import { AuthPagesModule } from './auth/auth-pages.module.js';
import { CommentPagesModule } from './comments/comments-pages.module.js';
import { DiaryPagesModule } from './diary/diary-pages.module.js';
import { DiscoveryPagesModule } from './discovery/discovery-pages.module.js';
import { FestivalPagesModule } from './festivals/festival-pages.module.js';
import { FilmPagesModule } from './films/films-pages.module.js';
import { HomePagesModule } from './home/home-pages.module.js';
import { WebHttpModule } from './http/web-http.module.js';
import { ImportPagesModule } from './imports/imports-pages.module.js';
import { ListPagesModule } from './lists/lists-pages.module.js';
import { MemberStatsPagesModule } from './member-stats/member-stats-pages.module.js';
import { MemberPagesModule } from './members/members-pages.module.js';
import { ModerationPagesModule } from './moderation/moderation-pages.module.js';
import { PersonPagesModule } from './people/person-pages.module.js';
import { ReviewPagesModule } from './reviews/reviews-pages.module.js';
import { SearchPagesModule } from './search/search-pages.module.js';
import { SettingsPagesModule } from './settings/settings-pages.module.js';

/**
 * The web front end: server-rendered pages over the modules' own commands and queries. It adds
 * no rules of its own; each area is a module of controllers and views.
 */
@Module({
  imports: [
    WebHttpModule,
    AuthPagesModule,
    HomePagesModule,
    FilmPagesModule,
    PersonPagesModule,
    DiaryPagesModule,
    CommentPagesModule,
    ReviewPagesModule,
    SearchPagesModule,
    DiscoveryPagesModule,
    MemberPagesModule,
    MemberStatsPagesModule,
    ListPagesModule,
    ImportPagesModule,
    ModerationPagesModule,
    FestivalPagesModule,
    SettingsPagesModule,
  ],
})
export class WebModule {}
