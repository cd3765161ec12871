import assert from 'node:assert/strict';
import { fold, type Decider, type DomainCommand, type DomainEvent } from './decider.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** Properties the thrown error must have, compared deeply (e.g. `{ code: 'pins-full' }`). */
type ErrorProperties = Readonly<Record<string, unknown>>;

export interface DecisionExpectations<Event extends DomainEvent, State> {
  /** Asserts the command decides exactly these events, in order (`[]`: it changes nothing). */
  then(expected: readonly Event[]): void;
  /** Asserts the command's events lead to this state. */
  thenState(expected: State): void;
  /** Asserts the command is refused with an error of this class and, if given, these properties. */
  thenThrows(errorClass: ErrorClass, properties?: ErrorProperties): void;
  /** Asserts the command is refused with an error that has these properties. */
  thenThrows(properties: ErrorProperties): void;
}

export interface GivenHistory<Command extends DomainCommand, Event extends DomainEvent, State> {
  when(command: Command): DecisionExpectations<Event, State>;
}

/**
 * A decider spec that reads as a story:
 * `given(decider, [FilmChecked]).when(FavouriteFilm).then([FilmFavourited])`.
 * Failures are node assertion errors with a diff; the helper works in any test runner.
 */
export function given<Command extends DomainCommand, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[] = [],
): GivenHistory<Command, Event, State> {
  return {
    when(command) {
      const before = fold(decider, decider.initialState, history);
      const decide = () => decider.decide(command, before);
      return {
        then(expected) {
          assert.deepStrictEqual(decide(), expected);
        },
        thenState(expected) {
          assert.deepStrictEqual(fold(decider, before, decide()), expected);
        },
        thenThrows(expected: ErrorClass | ErrorProperties, properties?: ErrorProperties) {
          const error = refusalOf(decide);
          // Checked here: node's assert takes a class from another realm (jest's sandbox) for a predicate.
          if (typeof expected === 'function') {
            assert.ok(error instanceof expected, `expected a ${expected.name}, got ${String(error)}`);
          }
          const wanted = typeof expected === 'function' ? properties : expected;
          if (wanted) assert.throws(rethrowing(error), wanted);
        },
      };
    },
  };
}

const rethrowing = (error: unknown) => (): never => {
  throw error;
};

function refusalOf(decide: () => unknown): unknown {
  try {
    decide();
  } catch (error) {
    return error;
  }
  assert.fail('expected the command to be refused, but it was decided');
}
