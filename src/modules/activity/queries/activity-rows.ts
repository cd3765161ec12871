import { cursorColumns, type CursorRow } from '../../../common/paging/index.js';
import type { ActivityVerb } from '../activity-verbs.js';
import type { FeedItem, FilmActivityItem, FilmRef } from '../activity.response.js';
import { fromHalfStars } from '../../film-log/domain/rating.js';

/** Columns of a film's summary, from `films`. */
export const FILM_COLUMNS = `films.id AS film_id, films.slug, films.title, films.year`;

export interface FilmRow {
  readonly film_id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
}

export const toFilmRef = (row: FilmRow): FilmRef => ({
  id: row.film_id,
  slug: row.slug,
  title: row.title,
  year: row.year,
});

/** Columns of an activity item: `page` is the activity rows chosen, `accounts` their actors. */
export const ACTIVITY_COLUMNS = `page.actor_id, accounts.username, page.verb, page.occurred_at, page.rating_half_stars,
  ${cursorColumns('page.occurred_at', 'page.event_id')}`;

export interface ActivityRow extends CursorRow {
  readonly actor_id: string;
  readonly username: string;
  readonly verb: ActivityVerb;
  readonly occurred_at: Date;
  readonly rating_half_stars: number | null;
}

export const toFilmActivityItem = (row: ActivityRow): FilmActivityItem => ({
  actor: { id: row.actor_id, username: row.username },
  verb: row.verb,
  occurredAt: row.occurred_at.toISOString(),
  ...(row.rating_half_stars === null ? {} : { rating: fromHalfStars(row.rating_half_stars) }),
});

export const toFeedItem = (row: ActivityRow & FilmRow): FeedItem => ({
  ...toFilmActivityItem(row),
  film: toFilmRef(row),
});

/** The keyset seek of a newest-first activity list: rows strictly after the cursor's (time, id). */
export const AFTER_CURSOR = (at: string, id: string): string =>
  `(occurred_at, event_id) < (${at}::timestamptz, ${id}::uuid)`;
