import type { EventPayload } from '#event-store';

/** A command: a readonly member of a discriminated union, e.g. `{ type: 'CheckFilm', filmId }`. */
export interface DomainCommand<Type extends string = string> {
  readonly type: Type;
}

/**
 * An event as the domain sees it: a past-tense type and its data. The command runner adds the
 * metadata when it appends, and hands back only `{ type, data }` when it folds a stream.
 */
export interface DomainEvent<Type extends string = string, Data extends EventPayload = EventPayload> {
  readonly type: Type;
  readonly data: Data;
  /**
   * ISO 8601: when the fact happened. `decide` sets it only for events that record the past
   * (imports); the runner stamps the others with the time of the decision. Events reaching
   * `evolve` from the runner always carry it (loaded ones from their metadata); histories
   * written by hand in specs may not.
   */
  readonly occurredAt?: string;
}

/** One aggregate's rules, kept pure: no clock, no ids, no I/O. */
export interface Decider<Command extends DomainCommand, Event extends DomainEvent, State> {
  /** The events the command causes; none when it changes nothing; throws DomainRuleViolation to refuse. */
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  readonly initialState: State;
}

export const fold = <Event extends DomainEvent, State>(
  decider: { evolve(state: State, event: Event): State },
  state: State,
  events: Iterable<Event>,
): State => {
  let folded = state;
  for (const event of events) folded = decider.evolve(folded, event);
  return folded;
};

/** For the default branch of an exhaustive switch: adding a union member breaks the build here. */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
