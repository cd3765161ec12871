import type { RecordedEvent } from '#event-store';
import { addCounts, type Projection, type ProjectionContext } from '#projections';
import { FILM_LOG_EVENT_TYPES, parseFilmLogStream } from '../domain/film-log.events.js';
import { tallyMarks } from './mark-counts.js';

const FILM_STATS = {
  name: 'film_stats',
  key: 'film_id',
  columns: ['checks', 'favourites', 'dislikes', 'watchlists'],
} as const;

/** Per film: how many members checked, favourited, disliked and watchlisted it. */
export const filmStatsProjection: Projection = {
  name: 'film-stats',
  version: 1,
  handles: FILM_LOG_EVENT_TYPES,
  tables: [FILM_STATS.name],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    await addCounts(
      context,
      FILM_STATS,
      tallyMarks(events, (event) => parseFilmLogStream(event.streamId).filmId),
    );
  },
};
