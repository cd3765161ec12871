import { ErrorType } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../errors.js';

const GRPC_UNAVAILABLE = 14;

/**
 * The client reports an unreachable server two ways: its own UnavailableError, or (from
 * appends) the raw gRPC status 14.
 */
export const isUnavailable = (error: unknown): boolean => {
  const { type, code } = (error ?? {}) as { type?: unknown; code?: unknown };
  return type === ErrorType.UNAVAILABLE || code === GRPC_UNAVAILABLE;
};

/** Failures that retrying cannot cure: a subscription reports them instead of resubscribing. */
export const isPermanent = (error: unknown): boolean => {
  const { type } = (error ?? {}) as { type?: unknown };
  return (
    type === ErrorType.ACCESS_DENIED || type === ErrorType.INVALID_ARGUMENT || type === ErrorType.UNSUPPORTED
  );
};

export const toStoreError = (error: unknown): unknown =>
  isUnavailable(error)
    ? new EventStoreUnavailableError('The KurrentDB event store is unavailable', { cause: error })
    : error;

export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error);
  }
}
