import { formatMinor } from './money.js';

describe('formatMinor', () => {
  it.each([
    [1095, '10.95'],
    [0, '0.00'],
    [5, '0.05'],
    [-50, '-0.50'],
    [123456789012345678901n, '1234567890123456789.01'],
  ])('writes %p minor units as %p', (minor, written) => {
    expect(formatMinor(minor)).toBe(written);
  });
});
