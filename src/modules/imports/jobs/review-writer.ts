import { randomUUID } from 'node:crypto';
import type { CommandContext, IdGenerator } from '#decider';
import { WrongExpectedVersionError, type EventStore } from '#event-store';
import { nameBasedUuid } from '../../../common/name-based-uuid.js';
import { reviewStream } from '../../reviews/domain/review.events.js';
import type { ImportedReview } from '../parsing/import-plan.js';
import { importedEvent } from './imported-event.js';

/** Fixed namespace of the ids of reviews an import writes. */
const IMPORTED_REVIEW_IDS = '5c2e9a41-7d3b-4f08-a6e1-0b94d2c7f3a5';

/**
 * Writes an export's reviews of one film, each on a stream of its own whose id comes from the
 * member, the film, the day it was written and its place among that day's: the same review of a
 * later import names the same stream, finds it written, and is left alone (a review the member
 * deleted is not brought back either).
 */
export class ReviewWriter {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator = randomUUID,
  ) {}

  /** How many reviews were new. */
  async write(
    memberId: string,
    filmId: string,
    reviews: readonly ImportedReview[],
    context: CommandContext,
  ): Promise<number> {
    let written = 0;
    for (const { streamId, event } of this.posts(memberId, filmId, reviews, context)) {
      try {
        await this.store.append(streamId, [event], { expectedRevision: 'no_stream' });
        written += 1;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    return written;
  }

  /**
   * Several films' reviews, all in one atomic append when none was written before (a first
   * import); film by film as `write` does when one was. How many reviews were new.
   */
  async writeMany(
    memberId: string,
    films: readonly { readonly filmId: string; readonly reviews: readonly ImportedReview[] }[],
    context: CommandContext,
  ): Promise<number> {
    const posts = films.flatMap(({ filmId, reviews }) => this.posts(memberId, filmId, reviews, context));
    if (posts.length === 0) return 0;
    try {
      await this.store.appendMany(
        posts.map(({ streamId, event }) => ({
          streamId,
          events: [event],
          expectedRevision: 'no_stream' as const,
        })),
      );
      return posts.length;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    let written = 0;
    for (const { filmId, reviews } of films) written += await this.write(memberId, filmId, reviews, context);
    return written;
  }

  /** Each review's stream and event, the stream named by the member, the film, the day and its place in the day. */
  private posts(
    memberId: string,
    filmId: string,
    reviews: readonly ImportedReview[],
    context: CommandContext,
  ) {
    const ordinals = new Map<string, number>();
    return [...reviews]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((review) => {
        const day = review.at.slice(0, 10);
        const ordinal = ordinals.get(day) ?? 0;
        ordinals.set(day, ordinal + 1);
        const id = nameBasedUuid(`${memberId}\n${filmId}\n${day}\n${ordinal}`, IMPORTED_REVIEW_IDS);
        const posted = {
          type: 'ReviewPosted',
          data: {
            filmId,
            authorId: memberId,
            body: review.body,
            spoilers: review.spoilers ?? false,
            rating: review.rating,
          },
        };
        return { streamId: reviewStream(id), event: importedEvent(context, this.ids, posted, review.at) };
      });
  }
}
