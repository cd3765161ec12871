import { TRENDING_MIN_WEEK_MARKS, trendingExcess, trendingScore } from './trending.js';

describe('trending score', () => {
  it('is the week’s marks less the week’s share (7/23) of the 23 days before', () => {
    expect(trendingScore(10, 0)).toBe(10);
    expect(trendingScore(10, 23)).toBe(3);
    expect(trendingScore(5, 10)).toBe(1.96);
  });

  it('is nothing for a film marked at an even pace, however many marks, and below for one slowing down', () => {
    expect(trendingExcess(7, 23)).toBe(0);
    expect(trendingExcess(700, 2300)).toBe(0);
    expect(trendingExcess(3, 23)).toBeLessThan(0);
  });

  it('orders a film new this week above a bigger one at its usual pace', () => {
    expect(trendingExcess(TRENDING_MIN_WEEK_MARKS, 0)).toBeGreaterThan(trendingExcess(70, 230));
  });
});
