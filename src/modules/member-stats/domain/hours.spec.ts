import { hoursOf } from './hours.js';

describe('hoursOf', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 0.1],
    [87, 1.5],
    [90, 1.5],
    [93, 1.6],
    [96, 1.6],
    [215, 3.6],
    [60 * 1_000 + 57, 1_001],
  ])('%i minutes are %d hours', (minutes, hours) => {
    expect(hoursOf(minutes)).toBe(hours);
  });

  it('rounds every half up, however many minutes', () => {
    for (let tenths = 0; tenths < 100_000; tenths += 1) {
      expect(hoursOf(tenths * 6 + 3)).toBe((tenths + 1) / 10);
    }
  });
});
