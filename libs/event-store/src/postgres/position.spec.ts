import { InvalidPositionError } from '../errors.js';
import { comparePositions, decodePosition, encodePosition } from './position.js';

describe('postgres positions', () => {
  it('round-trips a position', () => {
    const position = { transactionId: 4_294_967_301n, globalPosition: 17n };
    expect(decodePosition(encodePosition(position))).toEqual(position);
  });

  it('orders by transaction id first, then by global position', () => {
    expect(comparePositions('10.5', '11.1')).toBe(-1);
    expect(comparePositions('11.1', '10.5')).toBe(1);
    expect(comparePositions('10.5', '10.6')).toBe(-1);
    expect(comparePositions('10.5', '10.5')).toBe(0);
    expect(comparePositions('9.900', '10.1')).toBe(-1);
  });

  it.each(['', '1', '1.', '.1', 'a.b', '1.2.3', '-1.2', ' 1.2'])('refuses %j', (text) => {
    expect(() => decodePosition(text)).toThrow(InvalidPositionError);
  });
});
