import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { seededPick, testEvent, type Write } from '#testing';
import { filmLogDecider, type FilmLogCommand, type FilmLogStreamState } from '../domain/film-log.decider.js';
import { filmLogStream } from '../domain/film-log.events.js';

/** One member's log of one film, as a random history left it. */
export interface FilmLogPair {
  readonly userId: string;
  readonly filmId: string;
  readonly state: FilmLogStreamState;
  /** What was appended to the stream, oldest first. */
  readonly events: readonly NewEvent[];
}

export interface FilmLogHistory {
  readonly writes: readonly Write[];
  /** How many events the writes hold. */
  readonly events: number;
  readonly pairs: readonly FilmLogPair[];
}

/**
 * Random taps of many members on many films, decided by the decider (so every stream is a history
 * it could have written), interleaved across streams, about a second apart; the same for a seed.
 */
export function randomFilmLogHistory(options: {
  readonly members: number;
  readonly films: number;
  readonly minEvents: number;
  readonly seed: number;
  /** What the members tap, picked at random. */
  readonly commands: readonly FilmLogCommand[];
}): FilmLogHistory {
  const { members, films, minEvents, commands } = options;
  const pick = seededPick(options.seed);
  const userIds = Array.from({ length: members }, () => randomUUID());
  const filmIds = Array.from({ length: films }, () => randomUUID());
  const pairs = new Map<
    string,
    { userId: string; filmId: string; state: FilmLogStreamState; events: NewEvent[] }
  >();
  const writes: Write[] = [];
  let events = 0;
  for (let tick = 0; events < minEvents; tick += 1) {
    const [userId, filmId] = [userIds[pick(members)]!, filmIds[pick(films)]!];
    const key = filmLogStream(userId, filmId);
    const pair = pairs.get(key) ?? { userId, filmId, state: filmLogDecider.initialState, events: [] };
    const decided = filmLogDecider.decide(commands[pick(commands.length)]!, pair.state);
    if (decided.length === 0) continue;
    const occurredAt = new Date(Date.UTC(2024, 0, 1) + tick * 1_001).toISOString();
    for (const event of decided) pair.state = filmLogDecider.evolve(pair.state, { ...event, occurredAt });
    const appended = decided.map((event) => testEvent(event.type, { ...event.data }, { occurredAt }));
    pair.events.push(...appended);
    pairs.set(key, pair);
    writes.push([key, appended]);
    events += decided.length;
  }
  return { writes, events, pairs: [...pairs.values()] };
}
