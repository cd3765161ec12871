import {
  ANY,
  ErrorType,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors.js';
import type { ActualRevision, ExpectedRevision } from '../event-store.port.js';

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/** Some server paths report a missing stream as revision -1 rather than "no_stream". */
export const toActualRevision = (current: CurrentStreamState | undefined): ActualRevision =>
  typeof current === 'bigint' && current >= 0n ? current : 'no_stream';

interface ClientWrongExpectedVersion {
  readonly type: ErrorType.WRONG_EXPECTED_VERSION;
  readonly actualState?: CurrentStreamState;
}

const isWrongExpectedVersion = (error: unknown): error is ClientWrongExpectedVersion =>
  (error as { type?: unknown } | null)?.type === ErrorType.WRONG_EXPECTED_VERSION;

/** The client's conflict as the port's error (with the expectation the caller gave); anything else unchanged. */
export function translateConflict(streamId: string, expected: ExpectedRevision, error: unknown): unknown {
  if (!isWrongExpectedVersion(error)) return error;
  return new WrongExpectedVersionError(streamId, expected, toActualRevision(error.actualState));
}
