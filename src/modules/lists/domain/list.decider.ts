import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import { type ListVisibility, type ListKind, type ListEvent } from './list.events.js';

/** Code points of a title, a description and a note, after trimming. */
export const LIST_TITLE_MAX = 200;
export const LIST_DESCRIPTION_MAX = 5000;
export const LIST_NOTE_MAX = 1000;
/** Films in one list: the longest official lists have a few thousand. */
export const LIST_SIZE_MAX = 10_000;

/** Who acts: the owner edits a personal list, an admin an official one. */
export interface ListActor {
  readonly id: string;
  readonly admin: boolean;
}

export type ListCommand =
  | {
      readonly type: 'CreateList';
      readonly actor: ListActor;
      readonly official: boolean;
      readonly ranked: boolean;
      readonly visibility: ListVisibility;
      readonly title: string;
      readonly description: string | null;
    }
  | {
      readonly type: 'ChangeListDetails';
      readonly actor: ListActor;
      readonly title?: string;
      /** null clears it; absent keeps it. */
      readonly description?: string | null;
      readonly visibility?: ListVisibility;
    }
  | {
      readonly type: 'PutListItem';
      readonly actor: ListActor;
      readonly filmId: string;
      /** Absent: at the end when added, where it is when listed. */
      readonly rank?: number;
      /** null clears it; absent keeps it. */
      readonly note?: string | null;
    }
  | { readonly type: 'RemoveListItem'; readonly actor: ListActor; readonly filmId: string }
  | { readonly type: 'PublishListEdition'; readonly actor: ListActor; readonly films: readonly string[] }
  | { readonly type: 'DeleteList'; readonly actor: ListActor };

export interface ListState {
  readonly created: boolean;
  readonly deleted: boolean;
  readonly ownerId: string | null;
  readonly kind: ListKind;
  readonly ranked: boolean;
  readonly visibility: ListVisibility;
  readonly title: string;
  readonly description: string | null;
  /** Film ids in rank order (in the order added, for an unranked list). */
  readonly films: readonly string[];
  /**
   * The note of each film, at the film's index: arrays, not a record keyed by film, because a
   * list of a thousand films is folded from a thousand adds and a record copied per add is slow.
   */
  readonly notes: readonly (string | null)[];
  readonly edition: number;
}

/** The list was never created or is deleted: a 404. */
export class ListNotFound extends Error {
  override readonly name: string = 'ListNotFound';

  constructor() {
    super('No list has that id.');
  }
}

/**
 * The actor may not change this list: a 403 when they may see it, else a 404 so the list's
 * existence does not leak (the handler knows who may see it; the decider does not).
 */
export class ListEditForbidden extends Error {
  override readonly name: string = 'ListEditForbidden';
}

const live = (state: ListState): void => {
  if (!state.created || state.deleted) throw new ListNotFound();
};

const editable = (state: ListState, actor: ListActor): void => {
  live(state);
  const allowed = state.kind === 'official' ? actor.admin : state.ownerId === actor.id;
  if (!allowed)
    throw new ListEditForbidden(
      state.kind === 'official'
        ? 'Only an admin can change an official list.'
        : 'Only its owner can change this list.',
    );
};

/** Where a rank lands: 1..size (size + 1 for a film not yet listed). */
const clampRank = (rank: number, last: number): number => Math.min(Math.max(1, rank), last);

function putItem(state: ListState, command: Extract<ListCommand, { type: 'PutListItem' }>): ListEvent[] {
  editable(state, command.actor);
  if (command.rank !== undefined && !state.ranked)
    throw new DomainRuleViolation('list-not-ranked', 'This list is not ranked: add the film without a rank.');
  const { filmId } = command;
  const at = state.films.indexOf(filmId);
  if (at === -1) {
    if (state.films.length >= LIST_SIZE_MAX)
      throw new DomainRuleViolation('list-full', `A list holds at most ${LIST_SIZE_MAX} films.`);
    const end = state.films.length + 1;
    const rank = state.ranked ? clampRank(command.rank ?? end, end) : null;
    return [{ type: 'FilmAddedToList', data: { filmId, rank, note: command.note ?? null } }];
  }
  const events: ListEvent[] = [];
  if (command.rank !== undefined) {
    const rank = clampRank(command.rank, state.films.length);
    if (rank !== at + 1) events.push({ type: 'ListReordered', data: { filmId, rank } });
  }
  if (command.note !== undefined && command.note !== (state.notes[at] ?? null))
    events.push({ type: 'ListItemNoteChanged', data: { filmId, note: command.note } });
  return events;
}

function changeDetails(
  state: ListState,
  command: Extract<ListCommand, { type: 'ChangeListDetails' }>,
): ListEvent[] {
  editable(state, command.actor);
  const events: ListEvent[] = [];
  if (command.title !== undefined && command.title !== state.title)
    events.push({ type: 'ListRenamed', data: { title: command.title } });
  if (command.description !== undefined && command.description !== state.description)
    events.push({ type: 'ListDescriptionChanged', data: { description: command.description } });
  if (command.visibility !== undefined && command.visibility !== state.visibility) {
    if (state.kind === 'official')
      throw new DomainRuleViolation('official-lists-are-public', 'An official list is always public.');
    events.push({ type: 'ListVisibilityChanged', data: { visibility: command.visibility } });
  }
  return events;
}

export const listDecider: Decider<ListCommand, ListEvent, ListState> = {
  initialState: {
    created: false,
    deleted: false,
    ownerId: null,
    kind: 'personal',
    ranked: false,
    visibility: 'private',
    title: '',
    description: null,
    films: [],
    notes: [],
    edition: 0,
  },

  decide(command, state) {
    switch (command.type) {
      case 'CreateList': {
        if (state.created) return [];
        if (command.official && !command.actor.admin)
          throw new ListEditForbidden('Only an admin can create an official list.');
        if (command.official && command.visibility !== 'public')
          throw new DomainRuleViolation('official-lists-are-public', 'An official list is always public.');
        const { ranked, visibility, title, description } = command;
        const kind: ListKind = command.official ? 'official' : 'personal';
        return [
          {
            type: 'ListCreated',
            data: { ownerId: command.actor.id, kind, ranked, visibility, title, description },
          },
        ];
      }
      case 'ChangeListDetails':
        return changeDetails(state, command);
      case 'PutListItem':
        return putItem(state, command);
      case 'RemoveListItem':
        editable(state, command.actor);
        return state.films.includes(command.filmId)
          ? [{ type: 'FilmRemovedFromList', data: { filmId: command.filmId } }]
          : [];
      case 'PublishListEdition': {
        editable(state, command.actor);
        if (state.kind !== 'official')
          throw new DomainRuleViolation('not-an-official-list', 'Only official lists have editions.');
        if (new Set(command.films).size !== command.films.length)
          throw new DomainRuleViolation('duplicate-films', 'An edition lists each film once.');
        if (command.films.length > LIST_SIZE_MAX)
          throw new DomainRuleViolation('list-full', `A list holds at most ${LIST_SIZE_MAX} films.`);
        return [
          { type: 'ListEditionPublished', data: { edition: state.edition + 1, films: [...command.films] } },
        ];
      }
      case 'DeleteList':
        editable(state, command.actor);
        return [{ type: 'ListDeleted', data: {} }];
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ListCreated':
        return { ...state, created: true, ...event.data };
      case 'ListRenamed':
        return { ...state, title: event.data.title };
      case 'ListDescriptionChanged':
        return { ...state, description: event.data.description };
      case 'ListVisibilityChanged':
        return { ...state, visibility: event.data.visibility };
      case 'FilmAddedToList': {
        const at = event.data.rank === null ? state.films.length : event.data.rank - 1;
        return {
          ...state,
          films: state.films.toSpliced(at, 0, event.data.filmId),
          notes: state.notes.toSpliced(at, 0, event.data.note),
        };
      }
      case 'FilmRemovedFromList': {
        const at = state.films.indexOf(event.data.filmId);
        return at === -1
          ? state
          : { ...state, films: state.films.toSpliced(at, 1), notes: state.notes.toSpliced(at, 1) };
      }
      case 'ListReordered': {
        const from = state.films.indexOf(event.data.filmId);
        if (from === -1) return state;
        const to = event.data.rank - 1;
        const note = state.notes[from] ?? null;
        return {
          ...state,
          films: state.films.toSpliced(from, 1).toSpliced(to, 0, event.data.filmId),
          notes: state.notes.toSpliced(from, 1).toSpliced(to, 0, note),
        };
      }
      case 'ListItemNoteChanged': {
        const at = state.films.indexOf(event.data.filmId);
        return at === -1 ? state : { ...state, notes: state.notes.with(at, event.data.note) };
      }
      case 'ListEditionPublished':
        // The edition is the whole ranked content; notes belong to personal lists.
        return {
          ...state,
          films: [...event.data.films],
          notes: event.data.films.map(() => null),
          edition: event.data.edition,
        };
      case 'ListDeleted':
        return { ...state, deleted: true };
      default:
        return unreachable(event);
    }
  },
};
