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

/** Reads a whole stream and folds it, upgrading old schema versions first. */
export async function loadStream<Command extends DomainCommand, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  upcasters: EventUpcasters,
): Promise<LoadedStream<State>> {
  let state = decider.initialState;
  let revision: bigint | null = null;
  let position: Position | null = null;
  for await (const recorded of store.readStream(streamId)) {
    // The stream holds only events this decider wrote, so their types are the decider's own.
    state = decider.evolve(state, upcastEvent(upcasters, recorded) as Event);
    revision = recorded.revision;
    position = recorded.position;
  }
  return { state, revision, position };
}
