import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { MEMBER_ERASED } from './personal-text-rules.js';

const MEMBER_STREAM_PREFIX = 'member-';

/** Removes what a read model keeps of these members (they were erased), in the batch's transaction. */
export type ScrubErasedMembers = (memberIds: readonly string[], context: ProjectionContext) => Promise<void>;

const erasedMemberOf = (event: RecordedEvent): string | null =>
  event.type === MEMBER_ERASED && event.streamId.startsWith(MEMBER_STREAM_PREFIX)
    ? event.streamId.slice(MEMBER_STREAM_PREFIX.length)
    : null;

/**
 * The projection, also reading members' erasures: the events before an erasure are applied as
 * before, then the read model forgets the member, so a rebuild replays the member's history and
 * ends as scrubbed as the live model. The projection's own apply never sees an erasure.
 */
export function scrubbingErasedMembers(projection: Projection, scrub: ScrubErasedMembers): Projection {
  return {
    ...projection,
    handles: [...new Set([...projection.handles, MEMBER_ERASED])],
    async apply(events, context) {
      let run: RecordedEvent[] = [];
      let erased: string[] = [];
      for (const event of events) {
        const member = erasedMemberOf(event);
        if (member === null) {
          if (erased.length > 0) {
            await scrub(erased, context);
            erased = [];
          }
          run.push(event);
          continue;
        }
        if (run.length > 0) {
          await projection.apply(run, context);
          run = [];
        }
        erased.push(member);
      }
      if (run.length > 0) await projection.apply(run, context);
      if (erased.length > 0) await scrub(erased, context);
    },
  };
}
