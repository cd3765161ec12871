import { Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetFeed } from '../../modules/activity/queries/get-feed/get-feed.query.js';
import { GetProfile } from '../../modules/social/queries/get-profile/get-profile.query.js';
import { WebPages, view } from '../http/web-page.js';
import type { Reader, WebRequest } from '../http/web-request.js';
import { loadDiscoveryPanels } from './discovery-panels.js';
import { HomeView, type FeedData } from './home-views.js';
import { filledText } from '../http/forms.js';
import { postersOf } from '../http/page-posters.js';

@WebPages()
export class HomePagesController {
  constructor(private readonly queries: QueryBus) {}

  /** A welcome and the discovery panels for anonymous readers; the signed-in reader's feed with the panels beside it. */
  @Get()
  async home(
    @Req() request: WebRequest,
    @Query('cursor') cursorValue: unknown,
    @Query('erased') erased: unknown,
  ) {
    const reader = request.reader;
    if (!reader)
      return view(HomeView, {
        feed: null,
        panels: await loadDiscoveryPanels(this.queries, null),
        erased: erased === '1',
      });
    const cursor = filledText(cursorValue);
    const [feed, panels] = await Promise.all([
      this.feed(reader, cursor),
      loadDiscoveryPanels(this.queries, reader.id),
    ]);
    return view(HomeView, { feed, panels });
  }

  private async feed(reader: Reader, cursor: string | undefined): Promise<FeedData> {
    const page = await this.queries.execute(new GetFeed(reader.id, { cursor }));
    // An empty first page says why: nobody followed yet, or the followed have done nothing yet.
    const [followsSomeone, posters] = await Promise.all([
      page.items.length > 0 || cursor !== undefined
        ? true
        : this.queries
            .execute(new GetProfile(reader.username))
            .then((profile) => profile.counts.following > 0),
      postersOf(
        this.queries,
        page.items.map((item) => item.film),
      ),
    ]);
    return { page, cursor, followsSomeone, posters };
  }
}
