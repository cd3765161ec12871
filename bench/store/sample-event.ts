import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';

/**
 * The one event shape every store in the benchmark writes and reads: a film logged with a short
 * review, carrying the metadata our port requires. Appends build it here; prefills build the
 * same JSON in SQL (see the fragments below), so appended and prefilled rows weigh the same.
 */
export const SAMPLE_EVENT_TYPE = 'FilmLogged';

const REVIEW = 'Slow to start, then it never lets go. The last twenty minutes are worth the ticket.';

export function sampleEvent(): NewEvent {
  return {
    type: SAMPLE_EVENT_TYPE,
    data: {
      filmId: randomUUID(),
      rating: 4,
      watchedOn: '2025-11-20',
      rewatch: false,
      review: REVIEW,
    },
    metadata: {
      eventId: randomUUID(),
      actorId: randomUUID(),
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/** SQL building the sample's `data` (reads the row number `n`). */
export const SAMPLE_DATA_SQL = `jsonb_build_object(
  'filmId', gen_random_uuid(), 'rating', 1 + n % 5, 'watchedOn', '2025-11-20',
  'rewatch', false, 'review', '${REVIEW}')`;

/** SQL building the sample's `metadata` for the event id in column `event_id`. */
export const SAMPLE_METADATA_SQL = `jsonb_build_object(
  'eventId', event_id, 'actorId', gen_random_uuid(), 'correlationId', gen_random_uuid(),
  'causationId', null, 'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'schemaVersion', 1)`;
