import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { seededPick, testEvent, type Write } from '#testing';
import { listDecider, type ListActor, type ListCommand, type ListState } from '../domain/list.decider.js';
import { listStream } from '../domain/list.events.js';
import { filmLogDecider, type FilmLogStreamState } from '../../film-log/domain/film-log.decider.js';
import { filmLogStream } from '../../film-log/domain/film-log.events.js';

/** One list as its events left it. */
export interface ScriptedList {
  readonly id: string;
  state: ListState;
  /** Every film that was ever in it. */
  readonly ever: Set<string>;
  readonly events: NewEvent[];
}

/**
 * Lists and checks written through the real deciders (so every stream is a history they could
 * have written), each write a second after the last; `writes` collects them in order.
 */
export class ListScript {
  readonly lists = new Map<string, ScriptedList>();
  readonly checks = new Map<string, { userId: string; filmId: string; state: FilmLogStreamState }>();
  readonly writes: Write[] = [];
  events = 0;
  private tick = 0;

  /** Decides and records a list command; throws what the decider throws. */
  list(id: string, command: ListCommand): NewEvent[] {
    const list = this.lists.get(id) ?? { id, state: listDecider.initialState, ever: new Set(), events: [] };
    const decided = listDecider.decide(command, list.state);
    const appended = this.record(listStream(id), decided);
    for (const event of decided) list.state = listDecider.evolve(list.state, event);
    for (const filmId of list.state.films) list.ever.add(filmId);
    list.events.push(...appended);
    this.lists.set(id, list);
    return appended;
  }

  /** Checks (true) or unchecks (false) a film for a member. */
  check(userId: string, filmId: string, checked: boolean): NewEvent[] {
    const key = filmLogStream(userId, filmId);
    const pair = this.checks.get(key) ?? { userId, filmId, state: filmLogDecider.initialState };
    const occurredAt = this.nextTime();
    const decided = filmLogDecider.decide({ type: checked ? 'CheckFilm' : 'UncheckFilm' }, pair.state);
    for (const event of decided) pair.state = filmLogDecider.evolve(pair.state, { ...event, occurredAt });
    this.checks.set(key, pair);
    return this.record(key, decided, occurredAt);
  }

  /** Whether the member has the film checked now. */
  checked(userId: string, filmId: string): boolean {
    return this.checks.get(filmLogStream(userId, filmId))?.state.checked ?? false;
  }

  private nextTime(): string {
    this.tick += 1;
    return new Date(Date.UTC(2024, 0, 1) + this.tick * 1_001).toISOString();
  }

  private record(
    streamId: string,
    decided: readonly { type: string; data: object }[],
    occurredAt = this.nextTime(),
  ): NewEvent[] {
    const appended = decided.map((event) => testEvent(event.type, { ...event.data }, { occurredAt }));
    if (appended.length > 0) this.writes.push([streamId, appended]);
    this.events += appended.length;
    return appended;
  }
}

/** A member's personal list or an admin's official one. */
const actorOf = (list: ScriptedList | undefined, admin: ListActor): ListActor =>
  list?.state.kind === 'official' ? admin : { id: list?.state.ownerId ?? randomUUID(), admin: false };

/**
 * Random lists (official with editions, personal ranked and unranked, visibility changes, a few
 * deletions) and random checks of the same films by a few members; the same for a seed.
 */
export function randomListHistory(options: {
  readonly lists: number;
  readonly films: number;
  readonly members: number;
  readonly minEvents: number;
  readonly seed: number;
}): ListScript {
  const pick = seededPick(options.seed);
  const script = new ListScript();
  const admin: ListActor = { id: randomUUID(), admin: true };
  const filmIds = Array.from({ length: options.films }, () => randomUUID());
  const memberIds = Array.from({ length: options.members }, () => randomUUID());
  const listIds = Array.from({ length: options.lists }, () => randomUUID());
  const film = () => filmIds[pick(filmIds.length)]!;

  const commandFor = (list: ScriptedList | undefined): ListCommand => {
    if (list === undefined) {
      const official = pick(3) === 0;
      return {
        type: 'CreateList',
        actor: official ? admin : { id: memberIds[pick(memberIds.length)]!, admin: false },
        official,
        ranked: official || pick(2) === 0,
        visibility: official ? 'public' : (['private', 'friends', 'public'] as const)[pick(3)]!,
        title: `list ${pick(1000)}`,
        description: null,
      };
    }
    const actor = actorOf(list, admin);
    const { films, ranked, kind } = list.state;
    const roll = pick(40);
    // Deletions are rare, so most lists live through the history.
    if (roll === 0 && pick(5) === 0) return { type: 'DeleteList', actor };
    if (roll < 3 && kind === 'official') {
      const edition = filmIds.filter(() => pick(2) === 0);
      for (let index = edition.length - 1; index > 0; index -= 1) {
        const other = pick(index + 1);
        [edition[index], edition[other]] = [edition[other]!, edition[index]!];
      }
      return { type: 'PublishListEdition', actor, films: edition };
    }
    if (roll < 6) {
      const visibility = (['private', 'friends', 'public'] as const)[pick(3)]!;
      return { type: 'ChangeListDetails', actor, visibility, title: `renamed ${pick(100)}` };
    }
    if (roll < 14 && films.length > 0)
      return { type: 'RemoveListItem', actor, filmId: films[pick(films.length)]! };
    const rank = ranked && pick(4) > 0 ? 1 + pick(films.length + 2) : undefined;
    const note = pick(3) === 0 ? `note ${pick(100)}` : undefined;
    return { type: 'PutListItem', actor, filmId: film(), ...(rank === undefined ? {} : { rank }), note };
  };

  while (script.events < options.minEvents) {
    if (pick(3) === 0) {
      script.check(memberIds[pick(memberIds.length)]!, film(), pick(3) > 0);
      continue;
    }
    const id = listIds[pick(listIds.length)]!;
    try {
      script.list(id, commandFor(script.lists.get(id)));
    } catch {
      // A command the list refuses (deleted, official visibility): nothing is written.
    }
  }
  return script;
}
