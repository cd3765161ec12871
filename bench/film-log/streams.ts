import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { SeededRandom } from '../../src/common/seeded-random.js';
import {
  filmLogDecider,
  type FilmLogCommand,
  type FilmLogState,
} from '../../src/modules/film-log/domain/film-log.decider.js';
import { filmLogStream, type FilmLogEvent } from '../../src/modules/film-log/domain/film-log.events.js';

/** One member's history on one film: every event of a new stream, appended at once. */
export interface FilmLogHistory {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
}

/** What the generated streams add up to, for checking the projections against. */
export interface FilmLogTotals {
  events: number;
  streams: number;
  members: number;
  /** Pairs (member, film) whose final state holds each mark. */
  checks: number;
  favourites: number;
  dislikes: number;
  watchlists: number;
}

type Weighted<T> = readonly (readonly [T, number])[];

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;

/** A member's first tap on a film: mostly a check, often a watchlist entry. */
const FIRST: Weighted<FilmLogCommand['type']> = [
  ['CheckFilm', 0.68],
  ['AddFilmToWatchlist', 0.2],
  ['FavouriteFilm', 0.08],
  ['DislikeFilm', 0.04],
];

/** What comes later: marks after a viewing, a watchlisted film seen at last, some second thoughts. */
const LATER: Weighted<FilmLogCommand['type']> = [
  ['FavouriteFilm', 0.28],
  ['CheckFilm', 0.2],
  ['DislikeFilm', 0.1],
  ['UnfavouriteFilm', 0.1],
  ['AddFilmToWatchlist', 0.08],
  ['RemoveFilmFromWatchlist', 0.08],
  ['UndislikeFilm', 0.06],
  ['UncheckFilm', 0.1],
];

/** How often a history goes on after each tap. */
const GOES_ON = 0.45;
const MAX_COMMANDS = 5;

function weighted<T>(random: SeededRandom, choices: Weighted<T>): T {
  let roll = random.next();
  for (const [choice, share] of choices) {
    roll -= share;
    if (roll < 0) return choice;
  }
  return choices.at(-1)![0];
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * Draws histories of members on films from the decider itself: random taps, decided on the state
 * so far, so every stream is one the service could have written (no double check, a favourite
 * checks the film, and so on). Popular films and active members come up more often (a power law
 * over their lists); no pair comes twice. Exactly `events` events in all.
 */
export class FilmLogHistories {
  private readonly random = new SeededRandom(2_024_1130);
  private readonly pairs = new Set<number>();
  private readonly membersSeen = new Set<number>();
  private readonly now = Date.now();
  readonly totals: FilmLogTotals = {
    events: 0,
    streams: 0,
    members: 0,
    checks: 0,
    favourites: 0,
    dislikes: 0,
    watchlists: 0,
  };

  constructor(
    private readonly events: number,
    private readonly memberIds: readonly string[],
    private readonly filmIds: readonly string[],
  ) {
    if (events > memberIds.length * filmIds.length) throw new RangeError('More events than pairs could hold');
  }

  *[Symbol.iterator](): Iterator<FilmLogHistory> {
    while (this.totals.events < this.events) yield this.nextHistory();
  }

  private nextHistory(): FilmLogHistory {
    const [member, film] = this.newPair();
    const memberId = this.memberIds[member]!;
    const remaining = this.events - this.totals.events;
    let time = this.now - this.random.next() * HISTORY_DAYS * DAY_MS;
    let state = filmLogDecider.initialState;
    const events: NewEvent[] = [];
    for (let taps = 0; taps < MAX_COMMANDS; taps += 1) {
      const type = weighted(this.random, taps === 0 ? FIRST : LATER);
      let decided = filmLogDecider.decide(this.command(type, time), state);
      // The last history is cut at a tap so that the total comes out exact; a watchlist entry is one event.
      if (events.length + decided.length > remaining) {
        if (events.length > 0) break;
        decided = filmLogDecider.decide({ type: 'AddFilmToWatchlist' }, state);
      }
      const occurredAt = new Date(time).toISOString();
      const correlationId = randomUUID();
      for (const event of decided) {
        state = filmLogDecider.evolve(state, { ...event, occurredAt });
        events.push(this.newEvent(event, memberId, occurredAt, correlationId));
      }
      if (!this.random.chance(GOES_ON) || events.length >= remaining) break;
      time = Math.min(this.now - 60_000, time + this.random.int(1, 60 * 24 * 60) * 60_000);
    }
    this.count(member, state, events.length);
    return { streamId: filmLogStream(memberId, this.filmIds[film]!), events };
  }

  /** Active members and popular films first: index = n × u^k for u uniform in [0, 1). */
  private newPair(): [number, number] {
    for (;;) {
      const member = Math.floor(this.memberIds.length * this.random.next() ** 1.5);
      const film = Math.floor(this.filmIds.length * this.random.next() ** 2.5);
      const key = member * this.filmIds.length + film;
      if (this.pairs.has(key)) continue;
      this.pairs.add(key);
      return [member, film];
    }
  }

  private command(type: FilmLogCommand['type'], time: number): FilmLogCommand {
    if (type !== 'CheckFilm') return { type } as FilmLogCommand;
    // Most give the day they watched it, that day or a few days before they logged it.
    const watchedOn = this.random.chance(0.75) ? isoDate(time - this.random.int(0, 3) * DAY_MS) : null;
    return { type, watchedOn };
  }

  private newEvent(
    event: FilmLogEvent,
    memberId: string,
    occurredAt: string,
    correlationId: string,
  ): NewEvent {
    return {
      type: event.type,
      data: event.data,
      metadata: {
        eventId: randomUUID(),
        actorId: memberId,
        correlationId,
        causationId: null,
        occurredAt,
        schemaVersion: 1,
      },
    };
  }

  private count(member: number, state: FilmLogState, events: number): void {
    const totals = this.totals;
    this.membersSeen.add(member);
    totals.events += events;
    totals.streams += 1;
    totals.members = this.membersSeen.size;
    totals.checks += Number(state.checked);
    totals.favourites += Number(state.favourite);
    totals.dislikes += Number(state.disliked);
    totals.watchlists += Number(state.watchlisted);
  }
}
