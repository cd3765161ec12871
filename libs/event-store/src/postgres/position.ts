import { InvalidPositionError } from '../errors.js';
import type { Position } from '../event-store.port.js';

/**
 * A PostgreSQL position is the pair subscribers order by: the appending transaction's id
 * and the event's global position, written "<transactionId>.<globalPosition>".
 */
export interface PostgresPosition {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

export const START: PostgresPosition = { transactionId: 0n, globalPosition: 0n };

const FORMAT = /^(\d{1,20})\.(\d{1,19})$/;

export const encodePosition = ({ transactionId, globalPosition }: PostgresPosition): Position =>
  `${transactionId}.${globalPosition}`;

export function decodePosition(position: Position): PostgresPosition {
  const match = FORMAT.exec(position);
  if (!match) throw new InvalidPositionError(position);
  return { transactionId: BigInt(match[1]!), globalPosition: BigInt(match[2]!) };
}

const sign = (difference: bigint): number => (difference < 0n ? -1 : difference > 0n ? 1 : 0);

export function comparePositions(a: Position, b: Position): number {
  const left = decodePosition(a);
  const right = decodePosition(b);
  return sign(left.transactionId - right.transactionId) || sign(left.globalPosition - right.globalPosition);
}
