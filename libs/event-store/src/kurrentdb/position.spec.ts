import { InvalidPositionError } from '../errors.js';
import { comparePositions, decodePosition, encodePosition, isAfter } from './position.js';

describe('kurrentdb positions', () => {
  it('round-trips a position, up to unsigned 64-bit halves', () => {
    const position = { commit: 18_446_744_073_709_551_614n, prepare: 4_096n };
    expect(encodePosition(position)).toBe('18446744073709551614/4096');
    expect(decodePosition(encodePosition(position))).toEqual(position);
  });

  it('orders by commit position first, then by prepare position', () => {
    expect(comparePositions('10/10', '11/0')).toBe(-1);
    expect(comparePositions('11/0', '10/10')).toBe(1);
    expect(comparePositions('10/5', '10/6')).toBe(-1);
    expect(comparePositions('10/5', '10/5')).toBe(0);
    expect(comparePositions('9/900', '10/1')).toBe(-1);
  });

  it('puts every position after "none yet"', () => {
    expect(isAfter({ commit: 0n, prepare: 0n }, null)).toBe(true);
    expect(isAfter({ commit: 5n, prepare: 5n }, { commit: 5n, prepare: 5n })).toBe(false);
    expect(isAfter({ commit: 6n, prepare: 0n }, { commit: 5n, prepare: 5n })).toBe(true);
  });

  it.each(['', '1', '1/', '/1', 'a/b', '1/2/3', '-1/2', ' 1/2', '10.5', '123456789012345678901/1'])(
    'refuses %j, including PostgreSQL positions',
    (text) => {
      expect(() => decodePosition(text)).toThrow(InvalidPositionError);
    },
  );
});
