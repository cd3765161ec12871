import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { filmLogDecider, type FilmLogState, type FilmLogStreamState } from '../domain/film-log.decider.js';
import { fromHalfStars } from '../domain/rating.js';
import { FILM_LOG_EVENT_TYPES, parseFilmLogStream, type FilmLogEvent } from '../domain/film-log.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

interface StateRow {
  user_id: string;
  film_id: string;
  checked: boolean;
  checked_at: Date | null;
  watched_on: string | null;
  favourite: boolean;
  disliked: boolean;
  watchlisted: boolean;
  rating_half_stars: number | null;
  viewings: number;
}

const hasMarks = (state: FilmLogState): boolean =>
  state.checked || state.favourite || state.disliked || state.watchlisted;

/** The row as the decider's state; the diary itself lives in `diary_entries`, not here. */
const toState = (row: StateRow): FilmLogStreamState => ({
  checked: row.checked,
  checkedAt: row.checked_at?.toISOString() ?? null,
  watchedOn: row.watched_on,
  favourite: row.favourite,
  disliked: row.disliked,
  watchlisted: row.watchlisted,
  rating: fromHalfStars(row.rating_half_stars),
  viewings: row.viewings,
  checkDate: row.watched_on,
  diary: [],
});

/**
 * Each member's marks on each film, folded with the decider's own `evolve`, so the read model and
 * the write side cannot disagree on what an event means. Per batch: one read of the rows the
 * batch touches, one upsert of those still marked, one delete of those left with no mark.
 */
const userFilmStateReadModel: Projection = {
  name: 'user-film-state',
  version: 1,
  handles: FILM_LOG_EVENT_TYPES,
  tables: ['user_film_state'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const table = context.table('user_film_state');
    const keyed = events.map((event) => ({ event, ...parseFilmLogStream(event.streamId) }));
    const keyOf = (userId: string, filmId: string): string => `${userId}.${filmId}`;
    const pairs = new Map(keyed.map(({ userId, filmId }) => [keyOf(userId, filmId), { userId, filmId }]));
    const touched = [...pairs.values()];

    const existing = await context.query<StateRow>(
      `SELECT state.user_id, state.film_id, state.checked, state.checked_at, state.watched_on::text,
              state.favourite, state.disliked, state.watchlisted, state.rating_half_stars,
              state.viewings
       FROM ${table} AS state
       JOIN unnest($1::uuid[], $2::uuid[]) AS pair(user_id, film_id)
         ON state.user_id = pair.user_id AND state.film_id = pair.film_id`,
      [touched.map((pair) => pair.userId), touched.map((pair) => pair.filmId)],
    );
    const states = new Map(existing.map((row) => [keyOf(row.user_id, row.film_id), toState(row)]));
    for (const { event, userId, filmId } of keyed) {
      const key = keyOf(userId, filmId);
      const fact = {
        type: event.type,
        data: event.data,
        occurredAt: event.metadata.occurredAt,
      } as FilmLogEvent;
      states.set(key, filmLogDecider.evolve(states.get(key) ?? filmLogDecider.initialState, fact));
    }

    const marked = [...pairs].filter(([key]) => hasMarks(states.get(key)!));
    const cleared = [...pairs].filter(([key]) => !hasMarks(states.get(key)!));
    if (marked.length > 0) {
      const column = <Value>(pick: (state: FilmLogState) => Value): Value[] =>
        marked.map(([key]) => pick(states.get(key)!));
      await context.query(
        `INSERT INTO ${table} AS state
           (user_id, film_id, checked, checked_at, watched_on, favourite, disliked, watchlisted,
            rating_half_stars, viewings, updated_at)
         SELECT change.*, now()
         FROM unnest($1::uuid[], $2::uuid[], $3::bool[], $4::timestamptz[], $5::date[],
                     $6::bool[], $7::bool[], $8::bool[], $9::smallint[], $10::int[]) AS change
         ON CONFLICT (user_id, film_id) DO UPDATE SET
           checked = EXCLUDED.checked, checked_at = EXCLUDED.checked_at, watched_on = EXCLUDED.watched_on,
           favourite = EXCLUDED.favourite, disliked = EXCLUDED.disliked,
           watchlisted = EXCLUDED.watchlisted, rating_half_stars = EXCLUDED.rating_half_stars,
           viewings = EXCLUDED.viewings, updated_at = now()`,
        [
          marked.map(([, pair]) => pair.userId),
          marked.map(([, pair]) => pair.filmId),
          column((state) => state.checked),
          column((state) => state.checkedAt),
          column((state) => state.watchedOn),
          column((state) => state.favourite),
          column((state) => state.disliked),
          column((state) => state.watchlisted),
          column((state) => (state.rating === null ? null : state.rating * 2)),
          column((state) => state.viewings),
        ],
      );
    }
    if (cleared.length > 0) {
      await context.query(
        `DELETE FROM ${table} AS state
         USING unnest($1::uuid[], $2::uuid[]) AS pair(user_id, film_id)
         WHERE state.user_id = pair.user_id AND state.film_id = pair.film_id`,
        [cleared.map(([, pair]) => pair.userId), cleared.map(([, pair]) => pair.filmId)],
      );
    }
  },
};

/** The read model, forgetting erased members. */
export const userFilmStateProjection = scrubbingErasedMembers(
  userFilmStateReadModel,
  // The film's statistics (their own read model) keep the member's marks as anonymous counts.
  async (members, context) => {
    await context.query(`DELETE FROM ${context.table('user_film_state')} WHERE user_id = ANY($1::uuid[])`, [
      members,
    ]);
  },
);
