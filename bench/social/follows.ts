import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { followStream } from '../../src/modules/social/domain/follow.events.js';
import type { FilmLogHistory } from '../film-log/streams.js';
import type { BenchMember } from './members.js';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;
/**
 * Followees are drawn as index = n × u^k over the members in the film-log prefill's order, so the
 * most followed are also the most active. With k = 4 and 100,000 members, one draw in 18 is the
 * first member: about 19,000 of 20,000 followers follow them, the next few have 5,000 to 9,000.
 */
const FOLLOWEE_SKEW = 4;
/** Spread of the log-normal number followed: with median 50, a quarter follow fewer than 36. */
const FOLLOWEES_SIGMA = 0.5;
const MAX_FOLLOWEES = 1_000;

export interface FollowPlan {
  readonly followingMembers: number;
  readonly medianFollowees: number;
  readonly readers: number;
  readonly readerFollowees: number;
}

/**
 * Who follows whom: `followingMembers` members spread evenly over the list (busy and quiet alike)
 * follow a log-normal number of others (median `medianFollowees`), and the last `readers` members
 * follow exactly `readerFollowees` each; everyone else follows no one. Each follow is a new
 * `follow-{follower}.{followee}` stream with one UserFollowed, at a time in the last two years.
 */
export class FollowGraph implements Iterable<FilmLogHistory> {
  private readonly random = new SeededRandom(2_025_0505);
  private readonly now = Date.now();
  readonly readers: readonly BenchMember[];
  follows = 0;

  constructor(
    private readonly members: readonly BenchMember[],
    private readonly plan: FollowPlan,
  ) {
    this.readers = members.slice(members.length - plan.readers);
  }

  *[Symbol.iterator](): Iterator<FilmLogHistory> {
    const { members, plan } = this;
    const step = Math.floor((members.length - plan.readers) / plan.followingMembers);
    for (let follower = 0; follower < plan.followingMembers; follower += 1) {
      yield* this.followsOf(follower * step, this.followeeCount());
    }
    for (let reader = members.length - plan.readers; reader < members.length; reader += 1) {
      yield* this.followsOf(reader, plan.readerFollowees);
    }
  }

  private *followsOf(follower: number, count: number): Generator<FilmLogHistory> {
    const followerId = this.members[follower]!.id;
    const chosen = new Set<number>();
    while (chosen.size < count) {
      const followee = Math.floor(this.members.length * this.random.next() ** FOLLOWEE_SKEW);
      if (followee !== follower) chosen.add(followee);
    }
    for (const followee of chosen) {
      this.follows += 1;
      yield {
        streamId: followStream(followerId, this.members[followee]!.id),
        events: [this.followed(followerId)],
      };
    }
  }

  /** Log-normal around the median (Box–Muller), at least one. */
  private followeeCount(): number {
    const normal =
      Math.sqrt(-2 * Math.log(1 - this.random.next())) * Math.cos(2 * Math.PI * this.random.next());
    const count = Math.round(this.plan.medianFollowees * Math.exp(FOLLOWEES_SIGMA * normal));
    return Math.min(Math.max(count, 1), MAX_FOLLOWEES, Math.floor(this.members.length / 2));
  }

  private followed(followerId: string): NewEvent {
    return {
      type: 'UserFollowed',
      data: {},
      metadata: {
        eventId: randomUUID(),
        actorId: followerId,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: new Date(this.now - this.random.next() * HISTORY_DAYS * DAY_MS).toISOString(),
        schemaVersion: 1,
      },
    };
  }
}
