import { summarisePlan, type PlannedScreening } from './plan-summary.js';

const EIFF = [
  { minFilms: 6, percent: 25 },
  { minFilms: 10, percent: 35 },
];
const GBP_1095 = { amountMinor: 1095, currency: 'GBP' };

let counter = 0;
/** A two-hour screening of film `film` starting at `hour` (UTC) on 2016-06-18, unless told otherwise. */
function screening(film: string, hour: number, overrides: Partial<PlannedScreening> = {}): PlannedScreening {
  counter += 1;
  const start = new Date(Date.UTC(2016, 5, 18, hour));
  return {
    id: `s${String(counter).padStart(3, '0')}`,
    filmId: film,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    gala: null,
    ...overrides,
  };
}

/** `count` screenings of distinct films, a day apart so none clash. */
const distinctFilms = (count: number, prefix = 'f'): PlannedScreening[] =>
  Array.from({ length: count }, (_, index) => screening(`${prefix}${index}`, index * 24));

describe('plan summary', () => {
  describe('an empty plan', () => {
    it('costs 0.00 and has no tier', () =>
      expect(summarisePlan([], GBP_1095, EIFF)).toEqual({
        items: [],
        films: 0,
        discountedFilms: 0,
        bulkDiscount: null,
        total: { amount: '0.00', currency: 'GBP' },
      }));

    it('has no total when the edition sells no tickets', () =>
      expect(summarisePlan([], null, EIFF).total).toBeNull());
  });

  describe('the EIFF bulk rule (6–9 films 25 %, 10 or more 35 %, galas excluded)', () => {
    it.each([
      [5, null, '54.75'],
      [6, { minFilms: 6, percent: 25 }, '49.27'], // 65.70 − 16.425 → 16.43 off
      [9, { minFilms: 6, percent: 25 }, '73.91'], // 98.55 − 24.6375 → 24.64 off
      [10, { minFilms: 10, percent: 35 }, '71.17'], // 109.50 − 38.325 → 38.33 off
      [12, { minFilms: 10, percent: 35 }, '85.41'], // 131.40 − 45.99
    ])('%i films: tier %j, total %s', (count, tier, amount) => {
      const summary = summarisePlan(distinctFilms(count), GBP_1095, EIFF);
      expect(summary.films).toBe(count);
      expect(summary.discountedFilms).toBe(count);
      expect(summary.bulkDiscount).toEqual(tier);
      expect(summary.total).toEqual({ amount, currency: 'GBP' });
    });

    it('does not count galas towards the tier, and charges them in full', () => {
      const plan = [
        ...distinctFilms(5),
        screening('opening', 200, { gala: 'opening' }),
        screening('closing', 300, { gala: 'closing' }),
      ];
      const summary = summarisePlan(plan, GBP_1095, EIFF);
      expect(summary).toMatchObject({ films: 7, discountedFilms: 5, bulkDiscount: null });
      expect(summary.total?.amount).toBe('76.65');
    });

    it('takes the discount off the non-gala screenings only', () => {
      const plan = [...distinctFilms(6), screening('opening', 200, { gala: 'opening' })];
      const summary = summarisePlan(plan, { amountMinor: 1000, currency: 'GBP' }, EIFF);
      // 7 × 10.00 − 25 % of 6 × 10.00
      expect(summary.bulkDiscount).toEqual({ minFilms: 6, percent: 25 });
      expect(summary.total?.amount).toBe('55.00');
    });

    it('picks the tier with the largest minFilms reached, whatever order the tiers come in', () => {
      const tiers = [
        { minFilms: 10, percent: 35 },
        { minFilms: 2, percent: 5 },
        { minFilms: 6, percent: 25 },
      ];
      expect(summarisePlan(distinctFilms(7), GBP_1095, tiers).bulkDiscount).toEqual({
        minFilms: 6,
        percent: 25,
      });
      expect(summarisePlan(distinctFilms(1), GBP_1095, tiers).bulkDiscount).toBeNull();
    });

    it('has a tier but no total when there is no ticket price', () => {
      const summary = summarisePlan(distinctFilms(6), null, EIFF);
      expect(summary.bulkDiscount).toEqual({ minFilms: 6, percent: 25 });
      expect(summary.total).toBeNull();
    });
  });

  describe('repeats', () => {
    it('counts a film seen twice once for the tier, but charges and discounts both tickets', () => {
      const plan = [...distinctFilms(6), screening('f0', 500)];
      const summary = summarisePlan(plan, { amountMinor: 1000, currency: 'EUR' }, EIFF);
      expect(summary).toMatchObject({ films: 6, discountedFilms: 6, bulkDiscount: { minFilms: 6 } });
      // 7 tickets, 25 % off all 7 (70.00 − 17.50)
      expect(summary.total).toEqual({ amount: '52.50', currency: 'EUR' });
    });

    it('does not reach a tier on repeats alone', () => {
      const plan = Array.from({ length: 8 }, (_, index) => screening('same', index * 24));
      const summary = summarisePlan(plan, { amountMinor: 1000, currency: 'GBP' }, EIFF);
      expect(summary).toMatchObject({ films: 1, discountedFilms: 1, bulkDiscount: null });
      expect(summary.total?.amount).toBe('80.00');
    });
  });

  describe('rounding: once, half-up, on the sum', () => {
    it('rounds a half penny up', () => {
      // 6 × 0.99 = 5.94; 25 % = 1.485 → 1.49 off
      const summary = summarisePlan(distinctFilms(6), { amountMinor: 99, currency: 'GBP' }, EIFF);
      expect(summary.total?.amount).toBe('4.45');
    });

    it('rounds the sum, not each ticket', () => {
      // per ticket 25 % of 0.99 = 0.2475 → 0.25 would give 6 × 0.25 = 1.50 off; on the sum it is 1.49
      const summary = summarisePlan(distinctFilms(6), { amountMinor: 99, currency: 'GBP' }, EIFF);
      expect(summary.total?.amount).not.toBe('4.44');
    });

    it('rounds below half down', () => {
      // 6 × 0.97 = 5.82; 25 % = 1.455 → 1.46 off (half-up); 35 % of 10 × 0.97 = 3.395 → 3.40
      expect(summarisePlan(distinctFilms(6), { amountMinor: 97, currency: 'GBP' }, EIFF).total?.amount).toBe(
        '4.36',
      );
      expect(summarisePlan(distinctFilms(10), { amountMinor: 97, currency: 'GBP' }, EIFF).total?.amount).toBe(
        '6.30',
      );
      // 6 × 0.01 = 0.06; 25 % = 0.015 → 0.02; 6 × 0.05 = 0.30, 25 % = 0.075 → 0.08
      expect(summarisePlan(distinctFilms(6), { amountMinor: 1, currency: 'GBP' }, EIFF).total?.amount).toBe(
        '0.04',
      );
      expect(summarisePlan(distinctFilms(6), { amountMinor: 5, currency: 'GBP' }, EIFF).total?.amount).toBe(
        '0.22',
      );
    });

    it('handles a percent with decimals exactly', () => {
      // 2 × 10.00 = 20.00; 12.5 % = 2.50
      const tiers = [{ minFilms: 2, percent: 12.5 }];
      expect(
        summarisePlan(distinctFilms(2), { amountMinor: 1000, currency: 'GBP' }, tiers).total?.amount,
      ).toBe('17.50');
      // 2 × 0.01 × 12.5 % = 0.0025 → 0.00 off
      expect(summarisePlan(distinctFilms(2), { amountMinor: 1, currency: 'GBP' }, tiers).total?.amount).toBe(
        '0.02',
      );
    });

    it('always writes two decimals, and large sums exactly', () => {
      expect(summarisePlan(distinctFilms(1), { amountMinor: 1000, currency: 'GBP' }, []).total?.amount).toBe(
        '10.00',
      );
      expect(summarisePlan(distinctFilms(1), { amountMinor: 5, currency: 'GBP' }, []).total?.amount).toBe(
        '0.05',
      );
      expect(summarisePlan(distinctFilms(3), { amountMinor: 0, currency: 'GBP' }, EIFF).total?.amount).toBe(
        '0.00',
      );
    });
  });

  describe('clashes', () => {
    it('marks two overlapping screenings as clashing with each other', () => {
      const early = screening('x', 10); // 10:00–12:00
      const late = screening('y', 11); // 11:00–13:00
      const { items } = summarisePlan([late, early], null, []);
      expect(items).toEqual([
        { id: early.id, clashesWith: [late.id] },
        { id: late.id, clashesWith: [early.id] },
      ]);
    });

    it('does not mark screenings that touch end to start', () => {
      const first = screening('x', 10); // 10:00–12:00
      const second = screening('y', 12); // 12:00–14:00
      expect(
        summarisePlan([first, second], null, []).items.every((item) => item.clashesWith.length === 0),
      ).toBe(true);
    });

    it('marks a three-way clash on every screening, and a chain only where it overlaps', () => {
      const a = screening('a', 10); // 10–12
      const b = screening('b', 11); // 11–13
      const c = screening('c', 11, { endsAt: new Date(Date.UTC(2016, 5, 18, 14)).toISOString() }); // 11–14
      const d = screening('d', 13); // 13–15: touches b's end, overlaps c
      const { items } = summarisePlan([d, c, b, a], null, []);
      const clashes = Object.fromEntries(items.map((item) => [item.id, item.clashesWith]));
      expect(clashes[a.id]).toEqual([b.id, c.id].sort());
      expect(clashes[b.id]).toEqual([a.id, c.id]);
      expect(clashes[c.id]).toEqual([a.id, b.id, d.id]);
      expect(clashes[d.id]).toEqual([c.id]);
    });

    it('compares instants, not the text of their offsets', () => {
      const london = screening('x', 0, {
        startsAt: '2016-06-18T00:30:00+01:00',
        endsAt: '2016-06-18T02:30:00+01:00',
      });
      const utc = screening('y', 0, { startsAt: '2016-06-18T01:00:00Z', endsAt: '2016-06-18T03:00:00Z' });
      const { items } = summarisePlan([utc, london], null, []);
      expect(items.map((item) => item.id)).toEqual([london.id, utc.id]);
      expect(items[0]!.clashesWith).toEqual([utc.id]);
    });

    it('orders items by start, then id', () => {
      const later = screening('x', 15);
      const sameStartB = screening('y', 10, { id: 'b' });
      const sameStartA = screening('z', 10, { id: 'a' });
      expect(summarisePlan([later, sameStartB, sameStartA], null, []).items.map((item) => item.id)).toEqual([
        'a',
        'b',
        later.id,
      ]);
    });
  });
});
