import type { ActualRevision, ExpectedRevision } from './event-store.port.js';

const describe = (revision: ExpectedRevision | ActualRevision): string =>
  typeof revision === 'bigint' ? revision.toString() : revision;

/** The stream was not in the state the append expected. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`Stream ${streamId}: expected ${describe(expected)}, actual ${describe(actual)}`);
  }
}

/** An event id that was already used by a different append (ids are unique forever). */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Stream ${streamId}: event ids already used elsewhere: ${eventIds.join(', ')}`);
  }
}

/** The backing server cannot be reached; maps to 503. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A position string this store did not issue (e.g. a malformed consistency token). */
export class InvalidPositionError extends Error {
  override readonly name = 'InvalidPositionError';

  constructor(readonly position: string) {
    super(`Not a position of this event store: ${JSON.stringify(position)}`);
  }
}
