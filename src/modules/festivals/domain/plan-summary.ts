import { formatMinor } from './money.js';

/** A planned screening as pricing and clashes need it. Instants are ISO 8601 with an offset. */
export interface PlannedScreening {
  readonly id: string;
  readonly filmId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** Opening and closing galas are outside the bulk discount. */
  readonly gala: 'opening' | 'closing' | null;
}

export interface TicketPrice {
  readonly amountMinor: number;
  readonly currency: string;
}

export interface DiscountTier {
  readonly minFilms: number;
  readonly percent: number;
}

export interface PlanSummary {
  /** The screenings by start (then id), each with the ids of those it overlaps, by start too. */
  readonly items: readonly { readonly id: string; readonly clashesWith: readonly string[] }[];
  readonly films: number;
  readonly discountedFilms: number;
  readonly bulkDiscount: DiscountTier | null;
  readonly total: { readonly amount: string; readonly currency: string } | null;
}

interface Timed {
  readonly screening: PlannedScreening;
  readonly start: number;
  readonly end: number;
}

/**
 * Clashes, film counts, the bulk-discount tier and the total of a plan. The tier is the one with
 * the largest minFilms ≤ the distinct non-gala films; its percent comes off every non-gala
 * screening (repeats included), computed in minor units and rounded half-up once, on the sum.
 */
export function summarisePlan(
  screenings: readonly PlannedScreening[],
  ticketPrice: TicketPrice | null,
  tiers: readonly DiscountTier[],
): PlanSummary {
  const timed = screenings
    .map((screening) => ({
      screening,
      start: Date.parse(screening.startsAt),
      end: Date.parse(screening.endsAt),
    }))
    .sort((x, y) => x.start - y.start || compareIds(x.screening.id, y.screening.id));
  const discounted = screenings.filter((screening) => screening.gala === null);
  const discountedFilms = new Set(discounted.map((screening) => screening.filmId)).size;
  const bulkDiscount = tierFor(discountedFilms, tiers);
  return {
    items: timed.map((one) => ({ id: one.screening.id, clashesWith: clashesOf(one, timed) })),
    films: new Set(screenings.map((screening) => screening.filmId)).size,
    discountedFilms,
    bulkDiscount,
    total:
      ticketPrice === null
        ? null
        : {
            amount: formatMinor(
              totalMinor(ticketPrice.amountMinor, screenings.length, discounted.length, bulkDiscount),
            ),
            currency: ticketPrice.currency,
          },
  };
}

const compareIds = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** [start, end) intervals: a screening ending as another starts does not clash with it. */
const clashesOf = (one: Timed, all: readonly Timed[]): string[] =>
  all
    .filter((other) => other !== one && other.start < one.end && one.start < other.end)
    .map((other) => other.screening.id);

function tierFor(discountedFilms: number, tiers: readonly DiscountTier[]): DiscountTier | null {
  let best: DiscountTier | null = null;
  for (const tier of tiers) {
    if (tier.minFilms <= discountedFilms && (best === null || tier.minFilms > best.minFilms)) best = tier;
  }
  return best === null ? null : { minFilms: best.minFilms, percent: best.percent };
}

function totalMinor(
  price: number,
  screenings: number,
  discounted: number,
  tier: DiscountTier | null,
): bigint {
  const gross = BigInt(price) * BigInt(screenings);
  if (tier === null) return gross;
  return gross - discountMinor(BigInt(price) * BigInt(discounted), tier.percent);
}

/** percent/100 of the sum, half-up, in integers: a percent like 12.5 is scaled to 125/1000 first. */
function discountMinor(sum: bigint, percent: number): bigint {
  const decimals = (String(percent).split('.')[1] ?? '').length;
  const scale = 10n ** BigInt(decimals);
  const scaledPercent = BigInt(Math.round(percent * Number(scale)));
  const denominator = 100n * scale;
  return (sum * scaledPercent * 2n + denominator) / (denominator * 2n);
}
