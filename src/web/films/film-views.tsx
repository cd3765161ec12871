import type { ComponentChildren } from 'preact';
import type { Page } from '../../common/paging/index.js';
import type { FilmActivityItem, FriendCheck } from '../../modules/activity/activity.response.js';
import type { ActivityVerb } from '../../modules/activity/activity-verbs.js';
import type { Film } from '../../modules/catalog/films/film.js';
import type { FilmLogState } from '../../modules/film-log/domain/film-log.decider.js';
import type { FilmStats } from '../../modules/film-log/film-log.response.js';
import type { FilmLists } from '../../modules/lists/lists.response.js';
import { FilmComments, type FilmCommentsData } from '../comments/film-comments.js';
import { LogViewingForm } from '../diary/diary-views.js';
import { FilmReviews, type FilmReviewsData } from '../reviews/film-reviews.js';
import { FilmFestivals, type FilmFestivalsData } from './film-festivals.js';
import { PersonLinks } from '../people/person-links.js';
import { PostForm, RelativeTime, Stars } from '../views/components.js';
import { stars, starsLabel } from '../views/stars.js';
import { RATINGS } from '../../modules/film-log/domain/rating.js';
import { Layout } from '../views/layout.js';
import { PosterImage } from '../views/poster.js';
import { useWeb } from '../views/web-context.js';
import { countryName, filmPath, genreName, languageName, runtimeText } from '../views/film-words.js';

export const FILM_MARKS = ['check', 'favourite', 'dislike', 'watchlist'] as const;
export type FilmMark = (typeof FILM_MARKS)[number];

const memberPath = (username: string): string => `/member/${encodeURIComponent(username)}`;

export interface FilmViewProps {
  readonly film: Film;
  readonly stats: FilmStats;
  readonly lists: FilmLists;
  readonly activity: Page<FilmActivityItem>;
  /** The reader's marks; null for an anonymous reader. */
  readonly state: FilmLogState | null;
  /** Followed members who checked it; null for an anonymous reader. */
  readonly friends: Page<FriendCheck> | null;
  readonly reviews: FilmReviewsData;
  readonly comments: FilmCommentsData;
  readonly festivals: FilmFestivalsData;
}

export function FilmView({
  film,
  stats,
  lists,
  activity,
  state,
  friends,
  reviews,
  comments,
  festivals,
}: FilmViewProps) {
  const title = film.year ? `${film.title} (${film.year})` : film.title;
  return (
    <Layout title={title}>
      <article class="film-page">
        <header class="film-heading">
          <PosterImage film={film} display="large" aboveFold />
          <div class="film-heading-text">
            <h1>
              {film.title} {film.year !== null && <span class="film-year">({film.year})</span>}
            </h1>
            {film.originalTitle && film.originalTitle !== film.title && (
              <p class="film-original-title">
                Original title: <span lang={film.languages[0]}>{film.originalTitle}</span>
              </p>
            )}
            <FilmFacts film={film} />
          </div>
        </header>
        <div class="film-columns">
          <div class="film-main">
            <FilmDetails film={film} />
            {film.synopsis && (
              <section aria-labelledby="synopsis-heading">
                <h2 id="synopsis-heading">Synopsis</h2>
                <p class="film-synopsis">{film.synopsis}</p>
              </section>
            )}
            <CriticQuotes film={film} />
            <FilmFestivals title={film.title} data={festivals} />
          </div>
          <aside class="film-side" aria-label="Marks, statistics and activity">
            <YourMarks film={film} state={state} />
            <FilmStatistics stats={stats} />
            <OfficialLists lists={lists} />
            <FriendsWhoSaw friends={friends} />
            <RecentActivity film={film} activity={activity} />
          </aside>
        </div>
        <FilmReviews data={reviews} />
        <FilmComments data={comments} />
        {/* Where the page script says what a background submit did; outside every region, so it stays. */}
        <p id="enhance-status" class="visually-hidden" role="status" />
      </article>
    </Layout>
  );
}

/** Year, runtime and classification on one line, under the title. */
function FilmFacts({ film }: { readonly film: Film }) {
  const facts = [
    film.year !== null ? String(film.year) : null,
    film.runtimeMinutes !== null ? runtimeText(film.runtimeMinutes) : null,
    film.classification,
  ].filter((fact): fact is string => fact !== null && fact !== '');
  if (facts.length === 0) return null;
  return <p class="film-facts">{facts.join(' · ')}</p>;
}

const Words = ({ words }: { readonly words: readonly string[] }) => <>{words.join(', ')}</>;

function Detail({ term, children }: { readonly term: string; readonly children: ComponentChildren }) {
  return (
    <div class="film-detail">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function FilmDetails({ film }: { readonly film: Film }) {
  const details: ComponentChildren[] = [];
  if (film.directors.length > 0)
    details.push(
      <Detail key="directors" term={film.directors.length === 1 ? 'Director' : 'Directors'}>
        <PersonLinks people={film.directors} />
      </Detail>,
    );
  if (film.cast.length > 0)
    details.push(
      <Detail key="cast" term="Cast">
        <PersonLinks people={film.cast} />
      </Detail>,
    );
  if (film.genres.length > 0)
    details.push(
      <Detail key="genres" term={film.genres.length === 1 ? 'Genre' : 'Genres'}>
        <Words words={film.genres.map(genreName)} />
      </Detail>,
    );
  if (film.languages.length > 0)
    details.push(
      <Detail key="languages" term={film.languages.length === 1 ? 'Language' : 'Languages'}>
        <Words words={film.languages.map(languageName)} />
      </Detail>,
    );
  if (film.countries.length > 0)
    details.push(
      <Detail key="countries" term={film.countries.length === 1 ? 'Country' : 'Countries'}>
        <Words words={film.countries.map(countryName)} />
      </Detail>,
    );
  if (film.runtimeMinutes !== null)
    details.push(
      <Detail key="runtime" term="Runtime">
        {runtimeText(film.runtimeMinutes)}
      </Detail>,
    );
  if (film.classification)
    details.push(
      <Detail key="classification" term="Classification">
        {film.classification}
      </Detail>,
    );
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      {details.length > 0 ? (
        <dl class="film-details">{details}</dl>
      ) : (
        <p>There are no details about this film yet.</p>
      )}
    </section>
  );
}

function CriticQuotes({ film }: { readonly film: Film }) {
  return (
    <section aria-labelledby="critics-heading">
      <h2 id="critics-heading">What the critics said</h2>
      {film.criticReviews.length === 0 ? (
        <p>There are no critic quotes for this film yet.</p>
      ) : (
        <ul class="critic-quotes">
          {film.criticReviews.map((review, index) => (
            <li key={index}>
              <figure class="critic-quote">
                <blockquote cite={review.url}>
                  <p>{review.excerpt}</p>
                </blockquote>
                <figcaption>
                  <cite>{review.outlet}</cite>
                  {review.region && <span class="muted"> ({countryName(review.region)})</span>}
                  {review.url && (
                    <>
                      {' '}
                      <a href={review.url} rel="noopener noreferrer">
                        Read the review in {review.outlet}
                      </a>
                    </>
                  )}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const MARK_BUTTONS: Record<
  FilmMark,
  { label: string; pressed: (state: FilmLogState) => boolean; on: string; off: string }
> = {
  check: { label: 'Check', pressed: (s) => s.checked, on: 'Checked', off: 'Unchecked' },
  favourite: {
    label: 'Favourite',
    pressed: (s) => s.favourite,
    on: 'Favourited',
    off: 'No longer a favourite',
  },
  dislike: { label: 'Dislike', pressed: (s) => s.disliked, on: 'Disliked', off: 'No longer disliked' },
  watchlist: {
    label: 'Watchlist',
    pressed: (s) => s.watchlisted,
    on: 'Added to your watchlist',
    off: 'Taken off your watchlist',
  },
};

/** The reader's four toggles; each posts on/off and the page comes back with every region updated. */
function YourMarks({ film, state }: { readonly film: Film; readonly state: FilmLogState | null }) {
  const { reader, path } = useWeb();
  return (
    <section aria-labelledby="marks-heading" class="film-marks card" data-region="marks">
      <h2 id="marks-heading">Your marks</h2>
      {!reader || !state ? (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</a> to check this film, make it a
          favourite, dislike it or put it on your watchlist.
        </p>
      ) : (
        <>
          <ul class="mark-buttons">
            {FILM_MARKS.map((mark) => {
              const button = MARK_BUTTONS[mark];
              const pressed = button.pressed(state);
              return (
                <li key={mark}>
                  <PostForm action={`${filmPath(film.slug)}/${mark}`} enhance>
                    <button
                      type="submit"
                      id={`mark-${mark}`}
                      name="on"
                      value={pressed ? 'off' : 'on'}
                      aria-pressed={pressed ? 'true' : 'false'}
                      data-done={pressed ? button.off : button.on}
                      disabled={reader.suspended}
                    >
                      {button.label}
                    </button>
                  </PostForm>
                </li>
              );
            })}
          </ul>
          <p class="muted mark-summary">{markSummary(state)}</p>
          <RatingInput film={film} rating={state.rating} disabled={reader.suspended} />
          <LogViewingForm
            slug={film.slug}
            viewings={state.viewings}
            checked={state.checked}
            username={reader.username}
            disabled={reader.suspended}
          />
          {reader.suspended && <p class="muted">{reader.suspensionDetail}</p>}
        </>
      )}
    </section>
  );
}

/**
 * Half stars as a radio group: arrow keys move between them, each is read out as its number of
 * stars, and the form posts without the page script as well as with it.
 */
function RatingInput({
  film,
  rating,
  disabled,
}: {
  readonly film: Film;
  readonly rating: number | null;
  readonly disabled: boolean;
}) {
  return (
    <PostForm action={`${filmPath(film.slug)}/rating`} enhance class="rating-input">
      <fieldset disabled={disabled}>
        <legend>Your rating</legend>
        <div class="rating-choices">
          {RATINGS.map((choice) => (
            <label key={choice} class="rating-choice">
              <input type="radio" name="rating" value={String(choice)} checked={rating === choice} />
              <span aria-hidden="true">{stars(choice)}</span>
              <span class="visually-hidden">{starsLabel(choice)}</span>
            </label>
          ))}
        </div>
        <button type="submit" id="rating-save" data-done="Rating saved">
          {rating === null ? 'Rate' : 'Change rating'}
        </button>
        {rating !== null && (
          <button type="submit" id="rating-remove" name="remove" value="on" data-done="Rating removed">
            Remove rating
          </button>
        )}
      </fieldset>
      <p class="muted rating-summary">
        {rating === null ? 'You have not rated this film.' : <>You rated it {starsLabel(rating)}.</>}
      </p>
    </PostForm>
  );
}

/** The reader's marks in words, beside the buttons whose pressed state says the same. */
function markSummary(state: FilmLogState): ComponentChildren {
  const parts: string[] = [];
  if (state.favourite) parts.push('one of your favourites');
  if (state.disliked) parts.push('disliked');
  if (state.watchlisted) parts.push('on your watchlist');
  if (!state.checked) {
    return parts.length > 0
      ? `You have not seen it yet; it is ${parts.join(' and ')}.`
      : 'You have not checked this film.';
  }
  const seen = state.watchedOn ? `You saw it on ${state.watchedOn}` : 'You have seen it';
  return parts.length > 0 ? `${seen}; it is ${parts.join(' and ')}.` : `${seen}.`;
}

/** "13.2% of the viewers favorited this title, 2.1% disliked it" */
export const statsSentence = (stats: FilmStats): string =>
  `${stats.favouritePercent}% of the viewers favorited this title, ${stats.dislikePercent}% disliked it`;

const members = (count: number): string => (count === 1 ? '1 member' : `${count} members`);

function FilmStatistics({ stats }: { readonly stats: FilmStats }) {
  return (
    <section aria-labelledby="stats-heading" data-region="stats">
      <h2 id="stats-heading">Statistics</h2>
      {stats.checks === 0 ? (
        <p>No one has checked this title yet.</p>
      ) : (
        <p class="film-stats-sentence">{statsSentence(stats)}</p>
      )}
      <RatingHistogram ratings={stats.ratings} />
      <ul class="film-counts">
        <li>Checked by {members(stats.checks)}</li>
        <li>On the watchlist of {members(stats.watchlists)}</li>
        <li>{stats.comments === 1 ? '1 comment' : `${stats.comments} comments`}</li>
      </ul>
    </section>
  );
}

/** How the members rated the film: one row per half star, a bar and its count, as a table. */
function RatingHistogram({ ratings }: { readonly ratings: FilmStats['ratings'] }) {
  if (ratings.count === 0) return <p class="film-ratings-none">No one has rated this title yet.</p>;
  const most = Math.max(...ratings.histogram);
  return (
    <table class="rating-histogram">
      <caption>
        Rated by {members(ratings.count)}, {ratings.average} stars on average
      </caption>
      <thead>
        <tr>
          <th scope="col">Rating</th>
          <th scope="col">Members</th>
        </tr>
      </thead>
      <tbody>
        {ratings.histogram.map((count, index) => {
          const rating = RATINGS[index]!;
          return (
            <tr key={rating}>
              <th scope="row">
                <Stars rating={rating} />
              </th>
              <td>
                <meter min={0} max={most} value={count} aria-hidden="true" />
                <span class="rating-count">{count}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const officialLists = (count: number): string =>
  count === 1 ? '1 official list' : `${count} official lists`;

/** "Currently in 8 official lists, but has been in 11" */
export function listsSentence({ currentCount, everCount }: FilmLists): string {
  if (everCount === 0) return 'Not in any official list.';
  const now =
    currentCount === 0 ? 'Currently in no official list' : `Currently in ${officialLists(currentCount)}`;
  return everCount > currentCount ? `${now}, but has been in ${everCount}` : now;
}

function OfficialLists({ lists }: { readonly lists: FilmLists }) {
  return (
    <section aria-labelledby="lists-heading">
      <h2 id="lists-heading">Official lists</h2>
      <p>{listsSentence(lists)}</p>
      {lists.items.length > 0 && (
        <ul class="film-lists">
          {lists.items.map(({ list, rank }) => (
            <li key={list.id}>
              <a href={`/list/${encodeURIComponent(list.id)}`}>{list.title}</a>
              {rank !== null && <span class="film-list-rank"> At #{rank}</span>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/browse/lists">Every official list</a>
      </p>
    </section>
  );
}

const VERB_TEXT: Record<ActivityVerb, string> = {
  checked: 'checked this title',
  favourited: 'favorited this title',
  disliked: 'disliked this title',
  watchlisted: 'added this title to their watchlist',
  rated: 'rated this title',
  commented: 'commented on this title',
  listed: 'added this title to a list',
  logged: 'watched this title again',
  reviewed: 'reviewed this title',
};

function RecentActivity({
  film,
  activity,
}: {
  readonly film: Film;
  readonly activity: Page<FilmActivityItem>;
}) {
  return (
    <section aria-labelledby="activity-heading" data-region="activity">
      <h2 id="activity-heading">Recent activity</h2>
      {activity.items.length === 0 ? (
        <p>There is no activity on this film yet.</p>
      ) : (
        <ul class="film-activity">
          {activity.items.map((item, index) => (
            <li key={`${item.actor.id}-${item.verb}-${index}`}>
              <a href={memberPath(item.actor.username)}>{item.actor.username}</a> {VERB_TEXT[item.verb]}{' '}
              {item.rating !== undefined && (
                <>
                  <Stars rating={item.rating} />{' '}
                </>
              )}
              <RelativeTime at={item.occurredAt} />
            </li>
          ))}
        </ul>
      )}
      {activity.nextCursor && (
        <p>
          <a
            href={`${filmPath(film.slug)}?activity=${encodeURIComponent(activity.nextCursor)}#activity-heading`}
          >
            Older activity
          </a>
        </p>
      )}
    </section>
  );
}

function friendMarks(friend: FriendCheck): string {
  if (friend.favourite) return 'a favourite';
  if (friend.disliked) return 'disliked';
  return '';
}

function FriendsWhoSaw({ friends }: { readonly friends: Page<FriendCheck> | null }) {
  const { path } = useWeb();
  return (
    <section aria-labelledby="friends-heading" data-region="friends">
      <h2 id="friends-heading">Friends who have seen it</h2>
      {friends === null ? (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</a> to see which of the members you
          follow have seen this film.
        </p>
      ) : friends.items.length === 0 ? (
        <p>None of the members you follow has seen this film yet.</p>
      ) : (
        <ul class="film-friends">
          {friends.items.map((friend) => {
            const marks = friendMarks(friend);
            return (
              <li key={friend.user.id}>
                <a href={memberPath(friend.user.username)}>{friend.user.username}</a> checked it{' '}
                <RelativeTime at={friend.checkedAt} />
                {marks && <span class="muted"> ({marks})</span>}
              </li>
            );
          })}
        </ul>
      )}
      {friends?.nextCursor && (
        <p class="muted">These are the {friends.items.length} who checked it most recently.</p>
      )}
    </section>
  );
}
