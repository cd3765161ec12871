import type { ComponentChildren } from 'preact';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import type { Profile } from '../../modules/social/social.response.js';
import { DiaryEntries } from '../diary/diary-views.js';
import { ActivityList, FilmLink, memberHref } from '../home/activity-views.js';
import { Pager, PostForm, RelativeTime } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { ListEntry } from '../lists/list-entry.js';
import { count } from '../views/numbers.js';
import { PosterImage, posterFilm, type PosterFilm } from '../views/poster.js';
import { useWeb } from '../views/web-context.js';
import { PROFILE_TABS, profileHref, type ProfileSection, type ProfileTab } from './member-sections.js';

export interface ProfileViewProps {
  readonly profile: Profile;
  /** Whether the reader follows the member; null when anonymous or on their own profile. */
  readonly following: boolean | null;
  readonly section: ProfileSection;
  /** The posters of the films the section shows. */
  readonly posters: PosterMap;
  /** The cursor this page of the section was read from; absent on its newest page. */
  readonly cursor?: string;
}

const TAB_NAMES: Record<ProfileTab, string> = {
  checks: 'Checks',
  diary: 'Diary',
  favourites: 'Favourites',
  watchlist: 'Watchlist',
  lists: 'Lists',
  activity: 'Activity',
  followers: 'Followers',
  following: 'Following',
};

const SECTION_HEADINGS: Record<ProfileTab, string> = {
  ...TAB_NAMES,
  checks: 'Films checked',
  diary: 'Diary, latest viewing first',
  favourites: 'Favourite films',
  activity: 'Recent activity',
};

/** A member's public profile, one tab at a time. */
export function ProfileView({ profile, following, section, posters, cursor }: ProfileViewProps) {
  const { username } = profile;
  const { reader } = useWeb();
  const title = section.tab === PROFILE_TABS[0] ? username : `${username}: ${TAB_NAMES[section.tab]}`;
  return (
    <Layout title={title}>
      <div class="profile-head">
        <div>
          <h1>{username}</h1>
          <p class="muted">
            Joined <RelativeTime at={profile.joinedAt} />
          </p>
          <a href={`${memberHref(username)}/stats`}>{username}’s statistics</a>
        </div>
        <FollowControl profile={profile} following={following} tab={section.tab} />
      </div>
      <ProfileCounts profile={profile} />
      <nav class="profile-tabs" aria-label={`${username}’s profile`}>
        <ul>
          {PROFILE_TABS.map((tab) => (
            <li key={tab}>
              <a href={profileHref(username, tab)} aria-current={tab === section.tab ? 'page' : undefined}>
                {TAB_NAMES[tab]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section class="profile-section" aria-labelledby="profile-section-heading">
        <h2 id="profile-section-heading">{SECTION_HEADINGS[section.tab]}</h2>
        <SectionItems
          username={username}
          section={section}
          posters={posters}
          older={cursor !== undefined}
          own={reader?.id === profile.id}
        />
        <Pager
          nextHref={
            section.page.nextCursor ? profileHref(username, section.tab, section.page.nextCursor) : null
          }
          firstHref={cursor ? profileHref(username, section.tab) : undefined}
        />
      </section>
      <p id="enhance-status" class="visually-hidden" role="status" />
    </Layout>
  );
}

/** Follow / Unfollow for other members; a way to sign in for anonymous readers; one's own settings on one's own. */
function FollowControl({
  profile,
  following,
  tab,
}: {
  readonly profile: Profile;
  readonly following: boolean | null;
  readonly tab: ProfileTab;
}) {
  const { reader, path } = useWeb();
  const { username } = profile;
  if (!reader) {
    return (
      <p class="follow-control">
        <a href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in to follow {username}</a>
      </p>
    );
  }
  if (reader.id === profile.id) {
    return (
      <p class="follow-control">
        <a href="/my/settings">Your settings</a>
      </p>
    );
  }
  if (following === null) return null;
  return (
    <div class="follow-control" data-region="follow">
      <PostForm action={`${memberHref(username)}/follow`} enhance label={`Follow ${username}`}>
        <input type="hidden" name="following" value={following ? 'false' : 'true'} />
        <input type="hidden" name="tab" value={tab} />
        <button
          type="submit"
          class={following ? undefined : 'primary'}
          aria-pressed={following ? 'true' : 'false'}
          disabled={reader.suspended}
          data-done={following ? `You no longer follow ${username}` : `You now follow ${username}`}
        >
          {following ? 'Unfollow' : 'Follow'}
        </button>
      </PostForm>
    </div>
  );
}

/** The profile's counts, as the profile query gives them. */
function ProfileCounts({ profile }: { readonly profile: Profile }) {
  const { counts } = profile;
  const entries: [string, number][] = [
    ['Checked', counts.checked],
    ['Diary entries', counts.diaryEntries],
    ['Ratings', counts.ratings],
    ['Reviews', counts.reviews],
    ['Favourites', counts.favourites],
    ['Dislikes', counts.dislikes],
    ['Watchlist', counts.watchlist],
    ['Followers', counts.followers],
    ['Following', counts.following],
    ['Comments', counts.comments],
  ];
  return (
    <section class="profile-counts" aria-labelledby="profile-counts-heading" data-region="profile-counts">
      <h2 id="profile-counts-heading" class="visually-hidden">
        In numbers
      </h2>
      <dl>
        {entries.map(([name, value]) => (
          <div key={name} class="profile-count">
            <dt>{name}</dt>
            <dd>{count(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function SectionItems({
  username,
  section,
  posters,
  older,
  own,
}: {
  readonly username: string;
  readonly section: ProfileSection;
  readonly posters: PosterMap;
  readonly older: boolean;
  /** The reader is this member: their diary entries can be changed. */
  readonly own: boolean;
}) {
  if (section.page.items.length === 0) {
    return (
      <p class="profile-empty">{older ? 'There is nothing older here.' : emptyText(username, section.tab)}</p>
    );
  }
  switch (section.tab) {
    case 'checks':
      return (
        <ul class="film-entries">
          {section.page.items.map((check) => (
            <FilmEntry
              key={check.film.id}
              poster={posterFilm(check.film, posters)}
              film={<FilmLink film={check.film} />}
            >
              checked <RelativeTime at={check.checkedAt} />
              {check.watchedOn && <> · seen on {check.watchedOn}</>}
              {check.favourite && (
                <>
                  {' '}
                  <span class="mark-badge">Favourite</span>
                </>
              )}
              {check.disliked && (
                <>
                  {' '}
                  <span class="mark-badge">Disliked</span>
                </>
              )}
            </FilmEntry>
          ))}
        </ul>
      );
    case 'diary':
      return <DiaryEntries entries={section.page.items} posters={posters} own={own} username={username} />;
    case 'favourites':
      return (
        <ul class="film-entries">
          {section.page.items.map((favourite) => (
            <FilmEntry
              key={favourite.film.id}
              poster={posterFilm(favourite.film, posters)}
              film={<FilmLink film={favourite.film} />}
            >
              favourited <RelativeTime at={favourite.favouritedAt} />
            </FilmEntry>
          ))}
        </ul>
      );
    case 'watchlist':
      return (
        <ul class="film-entries">
          {section.page.items.map((entry) => (
            <FilmEntry
              key={entry.film.id}
              poster={posterFilm(entry.film, posters)}
              film={<FilmLink film={entry.film} />}
            >
              added <RelativeTime at={entry.addedAt} />
            </FilmEntry>
          ))}
        </ul>
      );
    case 'lists':
      return (
        <ul class="list-entries">
          {section.page.items.map((list) => (
            <ListEntry key={list.id} list={list} />
          ))}
        </ul>
      );
    case 'activity':
      return (
        <ActivityList
          items={section.page.items}
          posters={posters}
          label={`What ${username} did, newest first`}
        />
      );
    case 'followers':
    case 'following':
      return (
        <ul class="member-entries">
          {section.page.items.map((entry) => (
            <li key={entry.user.id}>
              <a href={memberHref(entry.user.username)}>{entry.user.username}</a>{' '}
              <span class="muted">
                {section.tab === 'followers' ? 'started following them' : 'followed'}{' '}
                <RelativeTime at={entry.followedAt} />
              </span>
            </li>
          ))}
        </ul>
      );
  }
}

function emptyText(username: string, tab: ProfileTab): string {
  switch (tab) {
    case 'checks':
      return `${username} has not checked any films yet.`;
    case 'diary':
      return `${username} has not logged any viewings yet.`;
    case 'favourites':
      return `${username} has no favourite films yet.`;
    case 'watchlist':
      return `${username}’s watchlist is empty.`;
    case 'lists':
      return `${username} has no lists you can see.`;
    case 'activity':
      return `${username} has not done anything yet.`;
    case 'followers':
      return `Nobody follows ${username} yet.`;
    case 'following':
      return `${username} does not follow anyone yet.`;
  }
}

function FilmEntry({
  poster,
  film,
  children,
}: {
  readonly poster: PosterFilm;
  readonly film: ComponentChildren;
  readonly children: ComponentChildren;
}) {
  return (
    <li class="film-entry with-poster">
      <PosterImage film={poster} display="thumb" />
      <span>
        <span class="film-entry-title">{film}</span> <span class="film-entry-detail muted">{children}</span>
      </span>
    </li>
  );
}
