import { InvalidPositionError } from '../errors.js';
import type { Position as LogPosition } from '@kurrent/kurrentdb-client';
import type { Position } from '../event-store.port.js';

/**
 * A KurrentDB position is the transaction log's pair (commit, prepare), written
 * "<commit>/<prepare>". Events appended without explicit transactions have equal halves.
 */
const FORMAT = /^(\d{1,20})\/(\d{1,20})$/;

export const encodePosition = ({ commit, prepare }: LogPosition): Position => `${commit}/${prepare}`;

export function decodePosition(position: Position): LogPosition {
  const match = FORMAT.exec(position);
  if (!match) throw new InvalidPositionError(position);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}

const sign = (difference: bigint): number => (difference < 0n ? -1 : difference > 0n ? 1 : 0);

export const compareLogPositions = (a: LogPosition, b: LogPosition): number =>
  sign(a.commit - b.commit) || sign(a.prepare - b.prepare);

export const comparePositions = (a: Position, b: Position): number =>
  compareLogPositions(decodePosition(a), decodePosition(b));

/** True when `candidate` lies strictly after `reference` (anything lies after "no position yet"). */
export const isAfter = (candidate: LogPosition, reference: LogPosition | null): boolean =>
  reference === null || compareLogPositions(candidate, reference) > 0;
