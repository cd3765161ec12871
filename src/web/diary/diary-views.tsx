import type { DiaryEntry } from '../../modules/diary/diary.response.js';
import { latestWatchDate } from '../../modules/film-log/domain/watched-date.js';
import { FIRST_WATCH_DATE } from '../../modules/film-log/domain/watched-date.js';
import { FilmLink } from '../home/activity-views.js';
import { REVIEW_BODY_MAX } from '../../modules/reviews/domain/review.decider.js';
import { reviewHref } from '../reviews/review-parts.js';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { PostForm, Stars } from '../views/components.js';
import { PosterImage, posterFilm } from '../views/poster.js';
import { stars, starsLabel } from '../views/stars.js';
import { RATINGS } from '../../modules/film-log/domain/rating.js';

export const diaryHref = (username: string): string => `/member/${encodeURIComponent(username)}?tab=diary`;

/** Stars for a viewing, or none: a select, since a radio group per diary row would be a crowd. */
function RatingSelect({ id, rating }: { readonly id: string; readonly rating: number | null }) {
  return (
    <label for={id}>
      Stars{' '}
      <select id={id} name="rating">
        <option value="" selected={rating === null}>
          No rating
        </option>
        {RATINGS.map((choice) => (
          <option key={choice} value={String(choice)} selected={rating === choice}>
            {stars(choice)} ({starsLabel(choice)})
          </option>
        ))}
      </select>
    </label>
  );
}

/** The film page's form for a viewing: the day (today unless changed), rewatch, optional stars and review. */
export function LogViewingForm({
  slug,
  viewings,
  checked,
  username,
  disabled,
}: {
  readonly slug: string;
  readonly viewings: number;
  readonly checked: boolean;
  readonly username: string;
  readonly disabled: boolean;
}) {
  const today = latestWatchDate(new Date()).slice(0, 10);
  return (
    <PostForm action={`/film/${encodeURIComponent(slug)}/diary`} class="log-viewing">
      <fieldset disabled={disabled}>
        <legend>Log a viewing</legend>
        <label for="viewing-date">
          Watched on{' '}
          <input
            id="viewing-date"
            type="date"
            name="watchedOn"
            required
            min={FIRST_WATCH_DATE}
            max={today}
            value={new Date().toISOString().slice(0, 10)}
          />
        </label>{' '}
        <label for="viewing-rewatch">
          <input id="viewing-rewatch" type="checkbox" name="rewatch" value="on" checked={checked} /> I had
          seen it before
        </label>{' '}
        <RatingSelect id="viewing-rating" rating={null} />
        <details class="viewing-review">
          <summary>Write a review of this viewing</summary>
          <label for="viewing-review-body">Review (optional)</label>
          <textarea id="viewing-review-body" name="review" rows={6} maxLength={REVIEW_BODY_MAX} />
          <label for="viewing-review-spoilers">
            <input id="viewing-review-spoilers" type="checkbox" name="reviewSpoilers" value="on" /> It gives
            the story away (spoilers)
          </label>
        </details>{' '}
        <button type="submit" id="viewing-log">
          Add to diary
        </button>
      </fieldset>
      <p class="muted">
        {viewings === 0 ? (
          'No viewings in your diary yet.'
        ) : (
          <>
            {viewings === 1 ? 'One viewing' : `${viewings} viewings`} in{' '}
            <a href={diaryHref(username)}>your diary</a>.
          </>
        )}
      </p>
    </PostForm>
  );
}

/** A member's diary, latest viewing first; their own entries can be changed or deleted in place. */
export function DiaryEntries({
  entries,
  posters,
  own,
  username,
}: {
  readonly entries: readonly DiaryEntry[];
  readonly posters: PosterMap;
  readonly own: boolean;
  readonly username: string;
}) {
  return (
    <ol class="film-entries diary-entries" aria-label={`${username}’s diary, latest viewing first`}>
      {entries.map((entry) => (
        <li key={entry.id} class="diary-entry with-poster" data-entry={entry.id}>
          <PosterImage film={posterFilm(entry.film, posters)} display="thumb" />
          <div>
            <time dateTime={entry.watchedOn} class="diary-day">
              {entry.watchedOn}
            </time>{' '}
            <FilmLink film={entry.film} />
            {entry.rewatch && (
              <>
                {' '}
                <span class="mark-badge">Rewatch</span>
              </>
            )}
            {entry.rating !== null && (
              <>
                {' '}
                <Stars rating={entry.rating} />
              </>
            )}
            {entry.review && (
              <>
                {' '}
                <a href={reviewHref(entry.film.slug, entry.review.id)} class="diary-review">
                  Review
                </a>
              </>
            )}
            {own && <EditEntry entry={entry} />}
          </div>
        </li>
      ))}
    </ol>
  );
}

function EditEntry({ entry }: { readonly entry: DiaryEntry }) {
  const prefix = `entry-${entry.id}`;
  return (
    <details class="diary-edit">
      <summary>Edit</summary>
      <PostForm action={`/my/diary/${entry.id}`} label={`Change the viewing of ${entry.film.title}`}>
        <label for={`${prefix}-date`}>
          Watched on{' '}
          <input id={`${prefix}-date`} type="date" name="watchedOn" required value={entry.watchedOn} />
        </label>{' '}
        <label for={`${prefix}-rewatch`}>
          <input id={`${prefix}-rewatch`} type="checkbox" name="rewatch" value="on" checked={entry.rewatch} />{' '}
          Rewatch
        </label>{' '}
        <RatingSelect id={`${prefix}-rating`} rating={entry.rating} /> <button type="submit">Save</button>
      </PostForm>
      <PostForm action={`/my/diary/${entry.id}/delete`} label={`Delete the viewing of ${entry.film.title}`}>
        <button type="submit" class="danger">
          Delete this viewing
        </button>
      </PostForm>
    </details>
  );
}
