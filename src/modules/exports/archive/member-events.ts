import type { EventStore, RecordedEvent } from '#event-store';
import { FILM_LOG_STREAM_PREFIX } from '../../film-log/domain/film-log.events.js';
import { PLAN_STREAM_PREFIX } from '../../festivals/domain/plan.events.js';
import { memberStream } from '../../identity/domain/member.events.js';
import { FOLLOW_STREAM_PREFIX } from '../../social/domain/follow.events.js';

const EVENTS_PER_BATCH = 1000;

/**
 * Whether an event is the member's: one they caused (its actor is them), or one of a stream that
 * is theirs alone (their film log, follows, festival plans and member stream), whoever caused it
 * (a moderator's suspension of them, say).
 */
export function isMembersEvent(memberId: string): (event: RecordedEvent) => boolean {
  const ownPrefixes = [
    `${FILM_LOG_STREAM_PREFIX}${memberId}.`,
    `${FOLLOW_STREAM_PREFIX}${memberId}.`,
    `${PLAN_STREAM_PREFIX}${memberId}.`,
  ];
  const own = memberStream(memberId);
  return (event) =>
    event.metadata.actorId === memberId ||
    event.streamId === own ||
    ownPrefixes.some((prefix) => event.streamId.startsWith(prefix));
}

/**
 * The member's events in the log's order, in batches. The port filters by stream and type only,
 * and a member's events lie in streams of every kind (comments, lists, reviews), so the whole log
 * is read once, a batch at a time, up to what is committed when the reading catches up.
 */
export async function* memberEvents(store: EventStore, memberId: string): AsyncGenerator<RecordedEvent[]> {
  const isMine = isMembersEvent(memberId);
  const stop = new AbortController();
  try {
    for await (const batch of store.subscribe({
      from: null,
      batchSize: EVENTS_PER_BATCH,
      signal: stop.signal,
    })) {
      const mine = batch.events.filter(isMine);
      if (mine.length > 0) yield mine;
      if (batch.caughtUp) return;
    }
  } finally {
    stop.abort();
  }
}
