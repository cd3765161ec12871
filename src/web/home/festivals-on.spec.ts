import { festivalsOnOrNext } from './festivals-on.js';

const festival = (slug: string, editions: [number, string, string][]) => ({
  slug,
  name: slug.toUpperCase(),
  editions: editions.map(([year, startsOn, endsOn]) => ({ year, startsOn, endsOn })),
});

describe('festivalsOnOrNext', () => {
  const festivals = [
    festival('eiff', [
      [2027, '2027-06-16', '2027-06-27'],
      [2026, '2026-06-17', '2026-06-28'],
    ]),
    festival('lff', [[2026, '2026-10-07', '2026-10-18']]),
    festival('bff', [[2026, '2026-02-11', '2026-02-21']]),
  ];

  it('puts the edition on now first, then the next to open, soonest first', () => {
    expect(festivalsOnOrNext(festivals, '2026-06-20', 3).map((e) => `${e.slug} ${e.year}`)).toEqual([
      'eiff 2026',
      'lff 2026',
      'eiff 2027',
    ]);
  });

  it('counts the last day as on', () => {
    expect(festivalsOnOrNext(festivals, '2026-06-28', 1).map((e) => `${e.slug} ${e.year}`)).toEqual([
      'eiff 2026',
    ]);
  });

  it('falls back on the latest that ended when none is on or to come', () => {
    expect(festivalsOnOrNext(festivals, '2028-01-01', 2).map((e) => `${e.slug} ${e.year}`)).toEqual([
      'eiff 2027',
      'lff 2026',
    ]);
  });
});
