import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import {
  FILM_LOG_EVENT_TYPES,
  parseFilmLogStream,
  type FilmLogEvent,
} from '../../film-log/domain/film-log.events.js';
import { MARK_VERBS_SQL, type MarkVerb } from '../activity-verbs.js';
import { applyListActivity } from './apply-list-activity.js';
import { applyLogged, foldLogged } from './diary-activity.js';
import {
  applyPostedTextActivity,
  COMMENTED,
  foldPostedTexts,
  postedTextEventTypes,
  REVIEWED,
} from './posted-text-activity.js';
import { foldListActivity, knownLists, LIST_ACTIVITY_EVENT_TYPES, listIdsOf } from './list-activity.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** Which mark an event puts up (true) or takes back (false); null when it is no activity. */
const MARK_CHANGE: Record<FilmLogEvent['type'], readonly [MarkVerb, boolean] | null> = {
  FilmChecked: ['checked', true],
  FilmUnchecked: ['checked', false],
  FilmWatchDateChanged: null,
  FilmFavourited: ['favourited', true],
  FilmUnfavourited: ['favourited', false],
  FilmDisliked: ['disliked', true],
  FilmUndisliked: ['disliked', false],
  FilmAddedToWatchlist: ['watchlisted', true],
  FilmRemovedFromWatchlist: ['watchlisted', false],
  // A new rating retracts the old item: one `rated` item per member and film, with the latest stars.
  FilmRated: ['rated', true],
  FilmRatingRemoved: ['rated', false],
  // A rewatch is an item of its own per diary entry, not a mark (see diary-activity.ts).
  ViewingLogged: null,
  ViewingChanged: null,
  ViewingDeleted: null,
};

const ratingHalfStarsOf = (event: RecordedEvent): number | null =>
  event.type === 'FilmRated' ? (event.data as { rating: number }).rating * 2 : null;

/** Where a mark of one member on one film stands after the batch: the event that put it up, or none. */
interface MarkOutcome {
  readonly actorId: string;
  readonly filmId: string;
  readonly verb: MarkVerb;
  readonly standing: {
    readonly eventId: string;
    readonly occurredAt: string;
    /** Half stars, on a `rated` mark. */
    readonly ratingHalfStars: number | null;
  } | null;
  /**
   * Whether the mark may have had its row before the batch. The decider puts a mark up only when
   * it is not up, so a mark whose first event in the batch puts it up had none; a rating replaces
   * the one before it, so a `rated` mark may always have had one.
   */
  readonly stoodBefore: boolean;
}

/** The last word of the batch on each (member, film, mark); earlier ones in the batch are superseded. */
export function foldMarks(events: readonly RecordedEvent[]): MarkOutcome[] {
  const outcomes = new Map<string, MarkOutcome>();
  for (const event of events) {
    if (!Object.hasOwn(MARK_CHANGE, event.type)) continue;
    const change = MARK_CHANGE[event.type as FilmLogEvent['type']];
    if (change === null) continue;
    const [verb, up] = change;
    const { userId: actorId, filmId } = parseFilmLogStream(event.streamId);
    const { eventId, occurredAt } = event.metadata;
    const key = `${actorId}.${filmId}.${verb}`;
    outcomes.set(key, {
      actorId,
      filmId,
      verb,
      standing: up ? { eventId, occurredAt, ratingHalfStars: ratingHalfStarsOf(event) } : null,
      stoodBefore: outcomes.get(key)?.stoodBefore ?? (!up || verb === 'rated'),
    });
  }
  return [...outcomes.values()];
}

/**
 * Who did what to which film, and when. A mark's row is the event that put it up; taking the mark
 * back deletes the row, and putting it up again inserts the new event (with its own time). Per
 * batch, in two statements: every touched mark's row is deleted, then those standing are inserted.
 * A comment's "commented" row is its posting; it waits in `activity_withheld` while the comment is
 * hidden, comes back with its time when restored, and goes when the comment is deleted.
 * A film added to a public personal list is "listed" by the list's owner (the list is the
 * subject); the row goes when the film leaves or the list is deleted, and waits in
 * `activity_withheld` while the list is not public. Official lists (and so editions) make none.
 * A review is "reviewed", withheld and restored as a comment is.
 * A rewatch in the diary is "logged", one row per entry (the entry is the subject), gone with the
 * entry or its rewatch flag.
 */
const activityReadModel: Projection = {
  name: 'activity',
  version: 3,
  handles: [
    ...FILM_LOG_EVENT_TYPES,
    ...postedTextEventTypes(COMMENTED),
    ...postedTextEventTypes(REVIEWED),
    ...LIST_ACTIVITY_EVENT_TYPES,
  ],
  tables: ['activity', 'activity_withheld', 'activity_list_visibility'],
  // A film's activity and the newest of all; the batches find rows by mark, subject or member.
  indexesForReadersOnly: ['activity_film_idx', 'activity_recent_idx'],
  // A skipped hide or visibility change would leak hidden comments or private lists (docs/adr/0008).
  onPoisonEvent: 'halt',

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    await applyMarks(foldMarks(events), context);
    await applyLogged(foldLogged(events), context);
    for (const kind of [COMMENTED, REVIEWED])
      await applyPostedTextActivity(kind, foldPostedTexts(kind, events), context);
    const known = await knownLists(listIdsOf(events), context);
    await applyListActivity(foldListActivity(events, known), context);
  },
};

async function applyMarks(outcomes: readonly MarkOutcome[], context: ProjectionContext): Promise<void> {
  if (outcomes.length === 0) return;
  const table = context.table('activity');
  const stood = outcomes.filter((outcome) => outcome.stoodBefore);
  // The verb list lets the planner use the partial unique index on (actor, film, verb).
  if (stood.length > 0) {
    await context.query(
      `DELETE FROM ${table} AS activity
         USING unnest($1::uuid[], $2::uuid[], $3::text[]) AS mark(actor_id, film_id, verb)
         WHERE activity.actor_id = mark.actor_id AND activity.film_id = mark.film_id
           AND activity.verb = mark.verb AND activity.verb IN ${MARK_VERBS_SQL}`,
      [
        stood.map((outcome) => outcome.actorId),
        stood.map((outcome) => outcome.filmId),
        stood.map((outcome) => outcome.verb),
      ],
    );
  }
  const standing = outcomes.filter((outcome) => outcome.standing !== null);
  if (standing.length === 0) return;
  await context.query(
    `INSERT INTO ${table} (event_id, actor_id, film_id, verb, occurred_at, rating_half_stars)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::smallint[])`,
    [
      standing.map((outcome) => outcome.standing!.eventId),
      standing.map((outcome) => outcome.actorId),
      standing.map((outcome) => outcome.filmId),
      standing.map((outcome) => outcome.verb),
      standing.map((outcome) => outcome.standing!.occurredAt),
      standing.map((outcome) => outcome.standing!.ratingHalfStars),
    ],
  );
}

/** The read model, forgetting erased members. */
export const activityProjection = scrubbingErasedMembers(activityReadModel, async (members, context) => {
  for (const table of ['activity', 'activity_withheld'])
    await context.query(`DELETE FROM ${context.table(table)} WHERE actor_id = ANY($1::uuid[])`, [members]);
  await context.query(
    `DELETE FROM ${context.table('activity_list_visibility')} WHERE owner_id = ANY($1::uuid[])`,
    [members],
  );
});
