import { awardFor, progressOf } from './progress.js';

describe('list progress', () => {
  it('gives no award below half, and none for an empty list', () => {
    expect(progressOf(0, 0)).toEqual({ checked: 0, total: 0, percent: 0, award: null });
    expect(progressOf(0, 4)).toEqual({ checked: 0, total: 4, percent: 0, award: null });
    expect(progressOf(1, 4).award).toBeNull();
  });

  it('crosses each threshold on a 4-film list: 2 bronze, 3 silver, 4 platinum', () => {
    expect([0, 1, 2, 3, 4].map((checked) => progressOf(checked, 4))).toEqual([
      { checked: 0, total: 4, percent: 0, award: null },
      { checked: 1, total: 4, percent: 25, award: null },
      { checked: 2, total: 4, percent: 50, award: 'bronze' },
      { checked: 3, total: 4, percent: 75, award: 'silver' },
      { checked: 4, total: 4, percent: 100, award: 'platinum' },
    ]);
  });

  it('crosses each threshold on a 20-film list, one film either side', () => {
    const awards = Array.from({ length: 21 }, (_, checked) => awardFor(checked, 20));
    expect(awards.indexOf('bronze')).toBe(10);
    expect(awards.indexOf('silver')).toBe(15);
    expect(awards.indexOf('gold')).toBe(18);
    expect(awards.indexOf('platinum')).toBe(20);
    expect(awards[9]).toBeNull();
    expect(awards[14]).toBe('bronze');
    expect(awards[17]).toBe('silver');
    expect(awards[19]).toBe('gold');
  });

  it('judges awards on the exact ratio, not on the rounded percent', () => {
    // 8,996 of 10,000 shows 90.0 % but is short of 90 %.
    expect(progressOf(8996, 10_000)).toEqual({ checked: 8996, total: 10_000, percent: 90, award: 'silver' });
    expect(progressOf(9000, 10_000).award).toBe('gold');
    // 4,998 of 10,000 shows 50.0 %; 7,496 shows 75.0 %; 9,996 shows 100.0 % — none has reached it.
    expect(progressOf(4998, 10_000)).toMatchObject({ percent: 50, award: null });
    expect(progressOf(7496, 10_000)).toMatchObject({ percent: 75, award: 'bronze' });
    expect(progressOf(9996, 10_000)).toMatchObject({ percent: 100, award: 'gold' });
    expect(progressOf(10_000, 10_000).award).toBe('platinum');
  });

  it('rounds the percent half-up to one decimal', () => {
    expect(progressOf(1, 3).percent).toBe(33.3);
    expect(progressOf(2, 3).percent).toBe(66.7);
    expect(progressOf(1, 8).percent).toBe(12.5);
    expect(progressOf(1, 16).percent).toBe(6.3);
    expect(progressOf(1001, 1001).percent).toBe(100);
  });

  it('adding films lowers the percent and can take an award away', () => {
    expect(progressOf(3, 4).award).toBe('silver');
    expect(progressOf(3, 5)).toEqual({ checked: 3, total: 5, percent: 60, award: 'bronze' });
  });
});
