import type { Screening } from './festival-shapes.js';
import {
  billing,
  clashText,
  clockOf,
  dateRange,
  discountRule,
  longDay,
  moneyText,
  shortDay,
} from './festival-words.js';

const screening = (id: string, title: string, startsAt: string): Screening => ({
  id,
  film: { id: `film-${id}`, slug: title.toLowerCase(), title, year: 2008 },
  venue: 'Filmhouse 1',
  startsAt,
  endsAt: startsAt,
});

describe('festival words', () => {
  it('shows the festival clock from the string, never re-zoned: a late show stays 00:30', () => {
    expect(clockOf('2016-06-18T00:30:00+01:00')).toBe('00:30');
    expect(clockOf('2016-10-30T01:30:00+00:00')).toBe('01:30');
  });

  it('names a day without any zone moving it', () => {
    expect(shortDay('2016-06-18')).toBe('Sat 18 June');
    expect(longDay('2016-06-18')).toBe('Saturday 18 June 2016');
  });

  it('writes an edition’s dates as a range', () => {
    expect(dateRange('2016-06-15', '2016-06-26')).toBe('15–26 June 2016');
    expect(dateRange('2016-06-28', '2016-07-03')).toBe('28 June – 3 July 2016');
    expect(dateRange('2016-12-30', '2017-01-02')).toBe('30 December 2016 – 2 January 2017');
    expect(dateRange('2016-06-15', '2016-06-15')).toBe('15 June 2016');
  });

  it('says the bulk rule as the festival does, whatever order the tiers come in', () => {
    expect(
      discountRule([
        { minFilms: 10, percent: 35 },
        { minFilms: 6, percent: 25 },
      ]),
    ).toBe('6–9 different films: 25 % off; 10 or more: 35 %; opening and closing galas excluded');
    expect(discountRule([{ minFilms: 3, percent: 10 }])).toBe(
      '3 or more different films: 10 % off; opening and closing galas excluded',
    );
    expect(
      discountRule([
        { minFilms: 2, percent: 5 },
        { minFilms: 3, percent: 10 },
      ]),
    ).toBe('2 different films: 5 % off; 3 or more: 10 %; opening and closing galas excluded');
    expect(discountRule([])).toBeNull();
  });

  it('bills a film by strand, premiere and gala', () => {
    expect(billing("Directors' Showcase", 'uk', null)).toBe("Directors' Showcase / UK premiere");
    expect(billing('Galas', 'world', 'opening')).toBe('Galas / World premiere / Opening gala');
    expect(billing('Documentaries', null, null)).toBe('Documentaries');
  });

  it('names each clashing screening by title and local start', () => {
    const planned = [
      screening('a', 'Paris', '2016-06-18T20:00:00+01:00'),
      screening('b', 'Zazie', '2016-06-18T21:00:00+01:00'),
      screening('c', 'Playtime', '2016-06-18T21:30:00+01:00'),
    ];
    expect(clashText(['b'], planned)).toBe('Clashes with Zazie at 21:00');
    expect(clashText(['a', 'c'], planned)).toBe('Clashes with Paris at 20:00 and Playtime at 21:30');
    expect(clashText([], planned)).toBeNull();
    // A screening no longer in the plan is not named.
    expect(clashText(['gone'], planned)).toBeNull();
  });

  it('writes money with the currency’s sign', () => {
    expect(moneyText({ amount: '10.95', currency: 'GBP' })).toBe('£10.95');
    expect(moneyText({ amount: '0.00', currency: 'EUR' })).toBe('€0.00');
  });
});
