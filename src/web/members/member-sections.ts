import { NotFoundException } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import type { Page } from '../../common/paging/index.js';
import type {
  FeedItem,
  MemberCheck,
  MemberFavourite,
  MemberWatchlistEntry,
} from '../../modules/activity/activity.response.js';
import { GetMemberActivity } from '../../modules/activity/queries/get-member-activity/get-member-activity.query.js';
import { GetMemberChecks } from '../../modules/activity/queries/get-member-checks/get-member-checks.query.js';
import {
  GetMemberFavourites,
  GetMemberWatchlist,
} from '../../modules/activity/queries/get-member-marks/get-member-marks.query.js';
import type { ListSummary } from '../../modules/lists/lists.response.js';
import { GetMemberLists } from '../../modules/lists/queries/member-lists/member-lists.query.js';
import { ListFollows } from '../../modules/social/queries/list-follows/list-follows.query.js';
import type { FollowEntry } from '../../modules/social/social.response.js';
import { pageWindow } from '../../common/paging/index.js';
import type { DiaryEntry } from '../../modules/diary/diary.response.js';
import { ListDiary } from '../../modules/diary/queries/list-diary.query.js';

/** The parts of a profile, each a page of its own under `?tab=`; the first is the default. */
export const PROFILE_TABS = [
  'checks',
  'diary',
  'favourites',
  'watchlist',
  'lists',
  'activity',
  'followers',
  'following',
] as const;

export type ProfileTab = (typeof PROFILE_TABS)[number];

export const DEFAULT_TAB: ProfileTab = 'checks';

/** One page of one tab of a profile. */
export type ProfileSection =
  | { readonly tab: 'checks'; readonly page: Page<MemberCheck> }
  | { readonly tab: 'diary'; readonly page: Page<DiaryEntry> }
  | { readonly tab: 'favourites'; readonly page: Page<MemberFavourite> }
  | { readonly tab: 'watchlist'; readonly page: Page<MemberWatchlistEntry> }
  | { readonly tab: 'lists'; readonly page: Page<ListSummary> }
  | { readonly tab: 'activity'; readonly page: Page<FeedItem> }
  | { readonly tab: 'followers' | 'following'; readonly page: Page<FollowEntry> };

/** `?tab=`: left out is the default; a tab the profile does not have is a page that does not exist. */
export function tabOf(value: unknown): ProfileTab {
  if (value === undefined || value === '') return DEFAULT_TAB;
  if (typeof value === 'string' && (PROFILE_TABS as readonly string[]).includes(value)) {
    return value as ProfileTab;
  }
  throw new NotFoundException('A member’s profile has no such section.');
}

/** A profile's link to a tab (and a page of it): the default tab has the plain address. */
export function profileHref(username: string, tab: ProfileTab = DEFAULT_TAB, cursor?: string | null): string {
  const query = new URLSearchParams();
  if (tab !== DEFAULT_TAB) query.set('tab', tab);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return `/member/${encodeURIComponent(username)}${search ? `?${search}` : ''}`;
}

/**
 * Reads one page of a tab with the same query the API's route for it runs; lists are those the
 * reader may see (a private list only to its owner).
 */
export async function loadSection(
  queries: QueryBus,
  username: string,
  tab: ProfileTab,
  cursor: string | undefined,
  readerId: string | null,
): Promise<ProfileSection> {
  const page = { cursor };
  switch (tab) {
    case 'checks':
      return { tab, page: await queries.execute(new GetMemberChecks(username, page)) };
    case 'diary':
      return { tab, page: await queries.execute(new ListDiary(username, page)) };
    case 'favourites':
      return { tab, page: await queries.execute(new GetMemberFavourites(username, page)) };
    case 'watchlist':
      return { tab, page: await queries.execute(new GetMemberWatchlist(username, page)) };
    case 'lists':
      return { tab, page: await queries.execute(new GetMemberLists(username, readerId, page)) };
    case 'activity':
      return { tab, page: await queries.execute(new GetMemberActivity(username, page)) };
    case 'followers':
    case 'following':
      return { tab, page: await queries.execute(new ListFollows(username, tab, pageWindow(page))) };
  }
}

/** The films a page of a section shows (none for lists and follows), for their posters. */
export function sectionFilms(section: ProfileSection): readonly { readonly id: string }[] {
  switch (section.tab) {
    case 'checks':
    case 'diary':
    case 'favourites':
    case 'watchlist':
    case 'activity':
      return section.page.items.map((item) => item.film);
    case 'lists':
    case 'followers':
    case 'following':
      return [];
  }
}
