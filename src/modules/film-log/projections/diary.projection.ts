import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import type { Viewing } from '../domain/diary.js';
import { parseFilmLogStream } from '../domain/film-log.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

export const DIARY_EVENT_TYPES = ['ViewingLogged', 'ViewingChanged', 'ViewingDeleted'] as const;

/** Where an entry stands after the batch: as written now (with when it was logged), or gone. */
type EntryOutcome =
  | {
      readonly kind: 'written';
      readonly userId: string;
      readonly filmId: string;
      readonly viewing: Viewing;
      /** Null for a change to an entry logged in an earlier batch: its row keeps its time. */
      readonly loggedAt: string | null;
    }
  | { readonly kind: 'deleted' };

/** The batch's last word on each entry it touches. */
export function foldEntries(events: readonly RecordedEvent[]): Map<string, EntryOutcome> {
  const outcomes = new Map<string, EntryOutcome>();
  for (const event of events) {
    if (event.type === 'ViewingDeleted') {
      outcomes.set((event.data as { entry: string }).entry, { kind: 'deleted' });
      continue;
    }
    if (event.type !== 'ViewingLogged' && event.type !== 'ViewingChanged') continue;
    const { entry, watchedOn, rewatch, rating } = event.data as unknown as Viewing;
    const before = outcomes.get(entry);
    const loggedAt =
      event.type === 'ViewingLogged'
        ? event.metadata.occurredAt
        : before?.kind === 'written'
          ? before.loggedAt
          : null;
    outcomes.set(entry, {
      kind: 'written',
      ...parseFilmLogStream(event.streamId),
      viewing: { entry, watchedOn, rewatch, rating },
      loggedAt,
    });
  }
  return outcomes;
}

/**
 * The diary: one row per viewing, newest day first on a member's page. Per batch, at most three
 * statements: new entries inserted, changed ones updated in place (keeping when they were
 * logged), deleted ones removed.
 */
const diaryReadModel: Projection = {
  name: 'diary',
  version: 1,
  handles: DIARY_EVENT_TYPES,
  tables: ['diary_entries'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const table = context.table('diary_entries');
    const outcomes = [...foldEntries(events)];
    const written = outcomes.flatMap(([, outcome]) => (outcome.kind === 'written' ? [outcome] : []));
    const halfStars = (viewing: Viewing) => (viewing.rating === null ? null : viewing.rating * 2);
    const logged = written.filter((outcome) => outcome.loggedAt !== null);
    if (logged.length > 0) {
      // A replayed batch writes the same rows again: the upsert makes it harmless.
      await context.query(
        `INSERT INTO ${table} AS entry
           (id, user_id, film_id, watched_on, rewatch, rating_half_stars, logged_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::bool[],
                              $6::smallint[], $7::timestamptz[])
         ON CONFLICT (id) DO UPDATE SET
           watched_on = EXCLUDED.watched_on, rewatch = EXCLUDED.rewatch,
           rating_half_stars = EXCLUDED.rating_half_stars`,
        [
          logged.map((outcome) => outcome.viewing.entry),
          logged.map((outcome) => outcome.userId),
          logged.map((outcome) => outcome.filmId),
          logged.map((outcome) => outcome.viewing.watchedOn),
          logged.map((outcome) => outcome.viewing.rewatch),
          logged.map((outcome) => halfStars(outcome.viewing)),
          logged.map((outcome) => outcome.loggedAt),
        ],
      );
    }
    const changed = written.filter((outcome) => outcome.loggedAt === null);
    if (changed.length > 0) {
      await context.query(
        `UPDATE ${table} AS entry
           SET watched_on = change.watched_on, rewatch = change.rewatch,
               rating_half_stars = change.rating_half_stars
         FROM unnest($1::uuid[], $2::date[], $3::bool[], $4::smallint[])
           AS change(id, watched_on, rewatch, rating_half_stars)
         WHERE entry.id = change.id`,
        [
          changed.map((outcome) => outcome.viewing.entry),
          changed.map((outcome) => outcome.viewing.watchedOn),
          changed.map((outcome) => outcome.viewing.rewatch),
          changed.map((outcome) => halfStars(outcome.viewing)),
        ],
      );
    }
    const deleted = outcomes.filter(([, outcome]) => outcome.kind === 'deleted').map(([entry]) => entry);
    if (deleted.length > 0) {
      await context.query(`DELETE FROM ${table} WHERE id = ANY($1::uuid[])`, [deleted]);
    }
  },
};

/** The read model, forgetting erased members. */
export const diaryProjection = scrubbingErasedMembers(diaryReadModel, async (members, context) => {
  await context.query(`DELETE FROM ${context.table('diary_entries')} WHERE user_id = ANY($1::uuid[])`, [
    members,
  ]);
});
