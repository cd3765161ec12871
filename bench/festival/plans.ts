import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { planDecider, type PlanCommand } from '../../src/modules/festivals/domain/plan.decider.js';
import {
  planStream,
  type PlanEvent,
  type PlanVisibility,
} from '../../src/modules/festivals/domain/plan.events.js';
import type { FilmLogHistory } from '../film-log/streams.js';
import type { BenchMember } from '../social/members.js';
import type { BenchEdition } from './programme.js';

const DAY_MS = 86_400_000;
/** Plans are made over the month before the run. */
const PLANNING_DAYS = 30;
/** Some members change their mind: one screening planned, then taken out again. */
const SECOND_THOUGHTS = 0.15;
const SHARE: readonly (readonly [PlanVisibility, number])[] = [
  ['friends', 0.3],
  ['public', 0.1],
];
/** Popular screenings come up more often: index = n × u^k. */
const POPULARITY = 1.8;

/** What the generated plan streams add up to, for checking the festival-plans read model against. */
export interface PlanTotals {
  events: number;
  streams: number;
  planned: number;
  unplanned: number;
  visibilityChanges: number;
  /** Screenings in the plans at the end: rows of festival_plan_items. */
  items: number;
  shared: number;
}

/** A popular screening of the edition. */
export const popularScreening = (random: SeededRandom, edition: BenchEdition): string =>
  edition.screenings[Math.floor(edition.screenings.length * random.next() ** POPULARITY)]!.id;

/**
 * Every member's plan for the edition, one new stream each (`planStream`), drawn through the
 * plan decider so every stream is one the service could have written: `planMin`–`planMax`
 * distinct screenings, popular ones more often; some members plan one more and take it out
 * again; some share the plan with friends or with everyone. The screenings the load members end
 * with are kept in `known`, for the load to toggle them as their screens would.
 */
export class PlanHistories implements Iterable<FilmLogHistory> {
  private readonly random = new SeededRandom(2_027_0806);
  private readonly now = Date.now();
  readonly totals: PlanTotals = {
    events: 0,
    streams: 0,
    planned: 0,
    unplanned: 0,
    visibilityChanges: 0,
    items: 0,
    shared: 0,
  };

  constructor(
    private readonly edition: BenchEdition,
    private readonly members: readonly BenchMember[],
    private readonly size: { readonly min: number; readonly max: number },
    readonly known: Map<string, Set<string>>,
  ) {}

  *[Symbol.iterator](): Iterator<FilmLogHistory> {
    for (const member of this.members) yield this.planOf(member);
  }

  private planOf(member: BenchMember): FilmLogHistory {
    const editionId = this.edition.id;
    let state = planDecider.initialState;
    let time = this.now - PLANNING_DAYS * DAY_MS * this.random.next();
    const events: NewEvent[] = [];
    const tap = (command: PlanCommand): void => {
      for (const event of planDecider.decide(command, state)) {
        state = planDecider.evolve(state, event);
        events.push(this.newEvent(event, member.id, time));
        this.count(event);
      }
      time = Math.min(this.now - 60_000, time + this.random.int(1, 600) * 60_000);
    };
    const wanted = this.random.int(this.size.min, this.size.max);
    const rethinks = this.random.chance(SECOND_THOUGHTS);
    while (state.screeningIds.length < wanted + (rethinks ? 1 : 0)) {
      tap({ type: 'PlanScreening', editionId, screeningId: popularScreening(this.random, this.edition) });
    }
    if (rethinks) {
      tap({ type: 'UnplanScreening', editionId, screeningId: this.random.pick(state.screeningIds) });
    }
    let roll = this.random.next();
    for (const [visibility, share] of SHARE) {
      roll -= share;
      if (roll < 0) {
        tap({ type: 'ChangePlanVisibility', editionId, visibility });
        break;
      }
    }
    this.totals.streams += 1;
    this.totals.items += state.screeningIds.length;
    if (state.visibility !== 'private') this.totals.shared += 1;
    if (this.known.has(member.id)) this.known.set(member.id, new Set(state.screeningIds));
    return { streamId: planStream(member.id, editionId), events };
  }

  private count(event: PlanEvent): void {
    this.totals.events += 1;
    if (event.type === 'ScreeningPlanned') this.totals.planned += 1;
    else if (event.type === 'ScreeningUnplanned') this.totals.unplanned += 1;
    else this.totals.visibilityChanges += 1;
  }

  /** As the service appends it: the member is the actor, one correlation per command. */
  private newEvent(event: PlanEvent, memberId: string, at: number): NewEvent {
    return {
      type: event.type,
      data: { ...event.data },
      metadata: {
        eventId: randomUUID(),
        actorId: memberId,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: new Date(at).toISOString(),
        schemaVersion: 1,
      },
    };
  }
}
