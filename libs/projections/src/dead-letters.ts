import type { RecordedEvent } from '#event-store';
import type { Queryable } from './sql.js';

/** Parks an event a projection could not apply, so it can be skipped and looked at later. */
export async function parkDeadLetter(
  db: Queryable,
  projection: string,
  event: RecordedEvent,
  error: string,
  attempts: number,
): Promise<void> {
  await db.query(
    `INSERT INTO projection_dead_letters (projection, position, event_id, event_type, stream_id, error, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (projection, event_id) DO UPDATE
     SET position = EXCLUDED.position, error = EXCLUDED.error,
       attempts = projection_dead_letters.attempts + EXCLUDED.attempts, dead_lettered_at = now()`,
    [projection, event.position, event.metadata.eventId, event.type, event.streamId, error, attempts],
  );
}

export async function countDeadLetters(
  db: Queryable,
  projections: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ projection: string; count: number }>(
    `SELECT projection, count(*)::int AS count FROM projection_dead_letters
     WHERE projection = ANY($1::text[]) GROUP BY projection`,
    [projections],
  );
  return new Map(rows.map((row) => [row.projection, row.count]));
}
