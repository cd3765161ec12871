import type { FeedItem } from '../../modules/activity/activity.response.js';
import type { Page } from '../../common/paging/index.js';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { Pager } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { useWeb } from '../views/web-context.js';
import { ActivityList, memberHref } from './activity-views.js';
import type { DiscoveryPanels } from './discovery-panels.js';
import { DiscoverySections } from './discovery-views.js';

export interface FeedData {
  readonly page: Page<FeedItem>;
  /** The cursor this page was read from; absent on the newest page. */
  readonly cursor?: string;
  /** Whether the reader follows anyone: an empty feed says what to do about it. */
  readonly followsSomeone: boolean;
  /** The posters of the films on this page. */
  readonly posters: PosterMap;
}

export interface HomeViewProps {
  /** The signed-in reader's feed; null for anonymous readers, who get the welcome. */
  readonly feed: FeedData | null;
  /** Popular films, official lists, festivals and recent activity. */
  readonly panels: DiscoveryPanels;
  /** The visitor's account was just erased (they come here from the settings page). */
  readonly erased?: boolean;
}

/** The home page: a welcome and what is popular, or the signed-in reader's feed with the same beside it. */
export function HomeView({ feed, panels, erased }: HomeViewProps) {
  return feed ? <FeedPage feed={feed} panels={panels} /> : <Welcome panels={panels} erased={erased} />;
}

function Welcome({ panels, erased }: { readonly panels: DiscoveryPanels; readonly erased?: boolean }) {
  return (
    <Layout title="Home">
      {erased && (
        <p class="notice" role="status">
          Your account is deleted. Thank you for the films.
        </p>
      )}
      <h1>Log the films you have seen</h1>
      <p>
        Check the films you have seen, keep a watchlist, follow friends and read what they watch.{' '}
        <a href="/sign-up">Create an account</a> or <a href="/sign-in">sign in</a>.
      </p>
      <DiscoverySections panels={panels} />
    </Layout>
  );
}

function FeedPage({ feed, panels }: { readonly feed: FeedData; readonly panels: DiscoveryPanels }) {
  const { reader } = useWeb();
  const { page, cursor } = feed;
  return (
    <Layout title="Your feed" noIndex>
      <div class="home-columns">
        <div class="home-feed">
          <h1>Your feed</h1>
          <p class="feed-intro muted">
            What the members you follow do: the films they check, favourite, dislike, add to their watchlists
            and lists, and comment on.
          </p>
          <section aria-labelledby="feed-heading" class="feed">
            <h2 id="feed-heading" class="visually-hidden">
              {cursor ? 'Older activity' : 'Latest activity'}
            </h2>
            {page.items.length > 0 ? (
              <ActivityList
                items={page.items}
                posters={feed.posters}
                label="Activity of the members you follow, newest first"
              />
            ) : (
              <EmptyFeed older={cursor !== undefined} followsSomeone={feed.followsSomeone} />
            )}
            <Pager
              nextHref={page.nextCursor ? `/?cursor=${encodeURIComponent(page.nextCursor)}` : null}
              firstHref={cursor ? '/' : undefined}
            />
          </section>
          {reader && (
            <p class="feed-own">
              <a href={memberHref(reader.username)}>Your profile and your own activity</a>
            </p>
          )}
        </div>
        <aside class="home-discovery" aria-label="Discover films">
          <DiscoverySections panels={panels} />
        </aside>
      </div>
    </Layout>
  );
}

function EmptyFeed({ older, followsSomeone }: { readonly older: boolean; readonly followsSomeone: boolean }) {
  if (older) return <p class="feed-empty">There is no older activity in your feed.</p>;
  if (followsSomeone) {
    return (
      <p class="feed-empty">
        The members you follow have not checked, favourited or listed any films yet. Their activity will
        appear here as soon as they do.
      </p>
    );
  }
  return (
    <div class="feed-empty">
      <p>Your feed is empty because you do not follow anyone yet.</p>
      <p>
        Follow members to see what they watch: open a member’s profile, from a film’s activity or a list, and
        choose Follow. Their checks, favourites and watchlist additions will then appear here.
      </p>
    </div>
  );
}
