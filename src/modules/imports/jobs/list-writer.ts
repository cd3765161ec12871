import type { CommandContext, CommandRunner, Decider } from '#decider';
import {
  LIST_DESCRIPTION_MAX,
  LIST_NOTE_MAX,
  LIST_TITLE_MAX,
  listDecider,
  ListNotFound,
  type ListActor,
  type ListCommand,
  type ListState,
} from '../../lists/domain/list.decider.js';
import { listStream, type ListEvent } from '../../lists/domain/list.events.js';
import { importedListId } from '../domain/imported-list-id.js';
import type { UnmatchedRow } from '../domain/import.events.js';
import type { ImportedList, ImportPlan, RowError } from '../parsing/import-plan.js';
import { mapBounded } from './bounded.js';
import type { FilmMatched } from './match-films.js';

/** An export's lists written at once (each its own stream). */
const LISTS_AT_ONCE = 4;

/** A list's creation and its films, decided one after the other by the list decider and appended together. */
interface ImportList {
  readonly type: 'ImportList';
  readonly create: Extract<ListCommand, { type: 'CreateList' }>;
  /** Films in rank order, with the note the export gives (null: none). */
  readonly films: readonly ImportedListFilm[];
}

const importListDecider: Decider<ImportList, ListEvent, ListState> = {
  initialState: listDecider.initialState,
  evolve: listDecider.evolve,
  decide(command, state) {
    const events: ListEvent[] = [];
    let now = state;
    const apply = (step: ListCommand): void => {
      for (const event of listDecider.decide(step, now)) {
        events.push(event);
        now = listDecider.evolve(now, event);
      }
    };
    apply(command.create);
    // Ranks only where the list as it stands is ranked (an earlier import may have made it unranked).
    command.films.forEach(({ filmId, note }, index) =>
      apply({
        type: 'PutListItem',
        actor: command.create.actor,
        filmId,
        ...(now.ranked ? { rank: index + 1 } : {}),
        ...(note === null ? {} : { note }),
      }),
    );
    return events;
  },
};

export interface ImportedListFilm {
  readonly filmId: string;
  readonly note: string | null;
}

const clip = (text: string, max: number): string => [...text.trim()].slice(0, max).join('');

/** What happened to an imported list: written (with the number of events), or left alone. */
export type ListOutcome = { readonly written: number } | { readonly deleted: true };

/**
 * Writes a personal list from an export on its derived id: created when the stream is new (private,
 * unless our own export gives its visibility), then each matched film put at its rank. Put on a
 * film already in place is a no-op, so a re-import adds nothing; a list the member deleted stays
 * deleted.
 */
export async function writeImportedList(
  runner: CommandRunner,
  listId: string,
  list: ImportedList,
  films: readonly ImportedListFilm[],
  actor: ListActor,
  context: CommandContext,
): Promise<ListOutcome> {
  const title = clip(list.name, LIST_TITLE_MAX) || list.slug;
  const description = list.description === null ? null : clip(list.description, LIST_DESCRIPTION_MAX) || null;
  const create = {
    type: 'CreateList',
    actor,
    official: false,
    ranked: list.ranked,
    visibility: list.visibility ?? 'private',
    title,
    description,
  } as const;
  try {
    const result = await runner.run({
      decider: importListDecider,
      streamId: listStream(listId),
      command: {
        type: 'ImportList',
        create,
        films: films.map(({ filmId, note }) => ({
          filmId,
          note: note === null ? null : clip(note, LIST_NOTE_MAX) || null,
        })),
      },
      context,
    });
    return { written: result.events.length };
  } catch (error) {
    if (error instanceof ListNotFound) return { deleted: true };
    throw error;
  }
}

/** What writing an export's lists came to, in the file's order. */
export interface ListsWritten {
  /** Lists that gained events. */
  readonly written: number;
  readonly unmatched: readonly UnmatchedRow[];
  readonly rowErrors: readonly RowError[];
}

/**
 * Writes every list of the plan (`matches`: its items' matches, list after list), a few side by
 * side: each is a stream of its own. `listDone` hears each list's item count once it is written.
 */
export async function writeImportedLists(
  runner: CommandRunner,
  memberId: string,
  plan: Pick<ImportPlan, 'lists' | 'source'>,
  matches: readonly FilmMatched[],
  context: CommandContext,
  listDone: (items: number) => void,
): Promise<ListsWritten> {
  let next = 0;
  const lists = plan.lists.map((list) => {
    const listed: ImportedListFilm[] = [];
    const unmatched: UnmatchedRow[] = [];
    for (const item of list.items) {
      const match = matches[next++]!;
      if (!match.matched)
        unmatched.push({ title: item.title, year: item.year, file: list.file, line: item.line });
      else if (!listed.some(({ filmId }) => filmId === match.filmId))
        listed.push({ filmId: match.filmId, note: item.note });
    }
    return { list, listed, unmatched };
  });
  const actor = { id: memberId, admin: false };
  const outcomes = await mapBounded(lists, LISTS_AT_ONCE, async ({ list, listed }) => {
    const listId = importedListId(memberId, plan.source, list.slug);
    const outcome = await writeImportedList(runner, listId, list, listed, actor, context);
    listDone(list.items.length);
    return outcome;
  });
  const rowErrors: RowError[] = [];
  outcomes.forEach((outcome, index) => {
    if ('deleted' in outcome)
      rowErrors.push({
        file: plan.lists[index]!.file,
        line: 1,
        reason: 'You deleted this list; it is not imported again.',
      });
  });
  return {
    written: outcomes.filter((outcome) => 'written' in outcome && outcome.written > 0).length,
    unmatched: lists.flatMap((list) => list.unmatched),
    rowErrors,
  };
}
