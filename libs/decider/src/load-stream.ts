import type { EventStore, Position } from '#event-store';
import { type Decider, type DomainCommand, type DomainEvent } from './decider.js';
import { upcastEvent, type EventUpcasters } from './upcasting.js';

export interface LoadedStream<State> {
  readonly state: State;
  /** Revision of the stream's last event; null when the stream is empty. */
  readonly revision: bigint | null;
  /** Position of the stream's last event; null when the stream is empty. */
  readonly position: Position | null;
}

/**
 * Reads a stream and folds it, upgrading old schema versions first: the whole stream, or only the
 * events after `from`, a fold of its beginning.
 */
export async function loadStream<Command extends DomainCommand, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  upcasters: EventUpcasters,
  from?: LoadedStream<State>,
): Promise<LoadedStream<State>> {
  let state = from === undefined ? decider.initialState : from.state;
  let revision: bigint | null = from?.revision ?? null;
  let position: Position | null = from?.position ?? null;
  const read = revision === null ? {} : { fromRevision: revision + 1n };
  for await (const recorded of store.readStream(streamId, read)) {
    // The stream holds only events this decider wrote, so their types are the decider's own.
    state = decider.evolve(state, upcastEvent(upcasters, recorded) as Event);
    revision = recorded.revision;
    position = recorded.position;
  }
  return { state, revision, position };
}
