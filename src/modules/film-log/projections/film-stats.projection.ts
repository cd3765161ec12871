import type { RecordedEvent } from '#event-store';
import { addCounts, type Projection, type ProjectionContext } from '#projections';
import { FILM_LOG_EVENT_TYPES, parseFilmLogStream } from '../domain/film-log.events.js';
import {
  RATING_COLUMNS,
  tallyMarks,
  tallyRatings,
  type MarkCounts,
  type RatingCounts,
} from './mark-counts.js';

const MARK_COLUMNS = ['checks', 'favourites', 'dislikes', 'watchlists'] as const;

const FILM_STATS = {
  name: 'film_stats',
  key: 'film_id',
  columns: [...MARK_COLUMNS, ...RATING_COLUMNS],
} as const;

type FilmCounts = MarkCounts & RatingCounts;

const noMarks: MarkCounts = { checks: 0, favourites: 0, dislikes: 0, watchlists: 0 };

/** Per film: how many members checked, favourited, disliked, watchlisted and rated it, and how. */
export const filmStatsProjection: Projection = {
  name: 'film-stats',
  version: 1,
  handles: FILM_LOG_EVENT_TYPES,
  tables: [FILM_STATS.name],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const filmOf = (event: RecordedEvent): string => parseFilmLogStream(event.streamId).filmId;
    const marks = tallyMarks(events, filmOf);
    const ratings = tallyRatings(events, filmOf);
    const tallies = new Map<string, FilmCounts>();
    for (const film of new Set([...marks.keys(), ...ratings.keys()])) {
      const rated =
        ratings.get(film) ?? (Object.fromEntries(RATING_COLUMNS.map((c) => [c, 0])) as RatingCounts);
      tallies.set(film, { ...noMarks, ...marks.get(film), ...rated });
    }
    await addCounts(context, FILM_STATS, tallies);
  },
};
