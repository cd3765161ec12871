import type { QueryBus } from '@nestjs/cqrs';
import type { FeedItem } from '../../modules/activity/activity.response.js';
import { GetRecentActivity } from '../../modules/activity/queries/get-recent-activity/get-recent-activity.query.js';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import {
  PopularFilms,
  type PopularFilm,
} from '../../modules/discovery/queries/popular-films/popular-films.query.js';
import {
  TrendingFilms,
  type TrendingFilm,
} from '../../modules/discovery/queries/trending-films/trending-films.query.js';
import { ListFestivals } from '../../modules/festivals/programme/queries/list-festivals/list-festivals.query.js';
import type { ListSummary } from '../../modules/lists/lists.response.js';
import { SearchLists } from '../../modules/lists/queries/search-lists/search-lists.query.js';
import { postersOf } from '../http/page-posters.js';
import { festivalsOnOrNext, type FestivalEditionDates } from './festivals-on.js';

const POPULAR_SHOWN = 12;
/** Fewer than this marked this week (a quiet site, a fresh demo) and all time is shown instead. */
const POPULAR_THIS_WEEK_AT_LEAST = 6;
const TRENDING_SHOWN = 6;
const OFFICIAL_LISTS_SHOWN = 6;
const FESTIVALS_SHOWN = 3;
const RECENT_SHOWN = 8;

/** What the home page shows beside (or, for a visitor, instead of) a feed. */
export interface DiscoveryPanels {
  readonly popular: { readonly period: 'week' | 'all'; readonly films: readonly PopularFilm[] };
  /** Films marked more than usual this week; often none on a quiet site. */
  readonly trending: readonly TrendingFilm[];
  /** With the reader's progress on each when signed in. */
  readonly officialLists: readonly ListSummary[];
  readonly festivals: readonly FestivalEditionDates[];
  readonly recent: readonly FeedItem[];
  /** The posters of the films in `recent`. */
  readonly posters: PosterMap;
}

/** The panels, each from its own module's query, read together. */
export async function loadDiscoveryPanels(
  queries: QueryBus,
  readerId: string | null,
  now = new Date(),
): Promise<DiscoveryPanels> {
  const popularOf = (period: 'week' | 'all') =>
    queries.execute(new PopularFilms({ period, limit: POPULAR_SHOWN }, now));
  const [week, trending, lists, festivals, recent] = await Promise.all([
    popularOf('week'),
    queries.execute(new TrendingFilms({ limit: TRENDING_SHOWN }, now)),
    queries.execute(new SearchLists(readerId, { official: 'true', limit: OFFICIAL_LISTS_SHOWN })),
    queries.execute(new ListFestivals()),
    queries.execute(new GetRecentActivity(RECENT_SHOWN)),
  ]);
  const popular =
    week.items.length >= POPULAR_THIS_WEEK_AT_LEAST
      ? { period: 'week' as const, films: week.items }
      : { period: 'all' as const, films: (await popularOf('all')).items };
  return {
    popular,
    trending: trending.items,
    officialLists: lists.items,
    festivals: festivalsOnOrNext(festivals.items, now.toISOString().slice(0, 10), FESTIVALS_SHOWN),
    recent,
    posters: await postersOf(
      queries,
      recent.map((item) => item.film),
    ),
  };
}
