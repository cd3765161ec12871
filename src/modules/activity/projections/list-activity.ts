import type { RecordedEvent } from '#event-store';
import type { ProjectionContext } from '#projections';
import type { ListEvent } from '../../lists/domain/list.events.js';

/** The list events that make, move or take "listed" rows. Editions are official lists' only: none. */
export const LIST_ACTIVITY_EVENT_TYPES: readonly ListEvent['type'][] = [
  'ListCreated',
  'ListVisibilityChanged',
  'FilmAddedToList',
  'FilmRemovedFromList',
  'ListDeleted',
];

const LIST_STREAM_PREFIX = 'list-';

/** A personal list's owner and whether it is public: before the batch (`was`, unknown if new) and after. */
export interface ListVisibility {
  readonly ownerId: string;
  readonly was: boolean | undefined;
  now: boolean;
  deleted: boolean;
}

/** The last word of the batch on a film of a list: the add that puts a row up, or none. */
export interface ListedFilm {
  readonly listId: string;
  readonly filmId: string;
  readonly added: { readonly eventId: string; readonly occurredAt: string } | null;
}

export interface ListActivity {
  readonly lists: Map<string, ListVisibility>;
  readonly films: readonly ListedFilm[];
}

/** The lists a batch touches, by id. */
export const listIdsOf = (events: readonly RecordedEvent[]): string[] => [
  ...new Set(
    events
      .filter((event) => event.streamId.startsWith(LIST_STREAM_PREFIX))
      .map((event) => event.streamId.slice(LIST_STREAM_PREFIX.length)),
  ),
];

/**
 * Replays the batch's list events over the known personal lists. A film added while its list is
 * public gets a row (shown while the list stays public, withheld while it is not); one added while
 * it is not public gets none; a removal takes the row.
 */
export function foldListActivity(
  events: readonly RecordedEvent[],
  known: ReadonlyMap<string, { ownerId: string; public: boolean }>,
): ListActivity {
  const lists = new Map<string, ListVisibility>();
  const films = new Map<string, ListedFilm>();
  for (const event of events) {
    if (!event.streamId.startsWith(LIST_STREAM_PREFIX)) continue;
    const listId = event.streamId.slice(LIST_STREAM_PREFIX.length);
    const fact = event as unknown as ListEvent;
    if (fact.type === 'ListCreated') {
      if (fact.data.kind === 'personal')
        lists.set(listId, {
          ownerId: fact.data.ownerId,
          was: undefined,
          now: fact.data.visibility === 'public',
          deleted: false,
        });
      continue;
    }
    const before = known.get(listId);
    const list =
      lists.get(listId) ??
      (before && { ownerId: before.ownerId, was: before.public, now: before.public, deleted: false });
    if (!list) continue;
    lists.set(listId, list);
    switch (fact.type) {
      case 'ListVisibilityChanged':
        list.now = fact.data.visibility === 'public';
        break;
      case 'FilmAddedToList': {
        const { eventId, occurredAt } = event.metadata;
        const added = list.now ? { eventId, occurredAt } : null;
        films.set(`${listId}.${fact.data.filmId}`, { listId, filmId: fact.data.filmId, added });
        break;
      }
      case 'FilmRemovedFromList':
        films.set(`${listId}.${fact.data.filmId}`, { listId, filmId: fact.data.filmId, added: null });
        break;
      case 'ListDeleted':
        list.deleted = true;
        break;
      default:
        break;
    }
  }
  return { lists, films: [...films.values()] };
}

/** What the activity projection knows of these lists before the batch. */
export async function knownLists(
  listIds: readonly string[],
  context: ProjectionContext,
): Promise<Map<string, { ownerId: string; public: boolean }>> {
  if (listIds.length === 0) return new Map();
  const rows = await context.query<{ list_id: string; owner_id: string; public: boolean }>(
    `SELECT list_id, owner_id, public FROM ${context.table('activity_list_visibility')}
     WHERE list_id = ANY($1::uuid[])`,
    [listIds],
  );
  return new Map(rows.map((row) => [row.list_id, { ownerId: row.owner_id, public: row.public }]));
}
