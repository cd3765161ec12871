import type { BulkDiscount, Gala, Money, PlanVisibility, Premiere, Screening } from './festival-shapes.js';

/**
 * How the festival pages say things: clock times, days, the discount rule, premieres and clashes.
 * Times arrive with the festival's own offset ("2016-06-18T00:30:00+01:00"), so the clock shown is
 * the one in the string: re-zoning it in the server's or the reader's zone would move a late show.
 */

/** "00:30" for "2016-06-18T00:30:00+01:00": the festival's local clock. */
export const clockOf = (isoWithOffset: string): string => isoWithOffset.slice(11, 16);

/** The calendar day of a `YYYY-MM-DD`, read in UTC so no zone can move it. */
const dayOf = (date: string): Date => new Date(`${date}T00:00:00Z`);

const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const longFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const fullFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Sat 18 June": a diary entry. */
export const shortDay = (date: string): string => weekdayFormat.format(dayOf(date));

/** "Saturday 18 June 2016": a day page's heading. */
export const longDay = (date: string): string => longFormat.format(dayOf(date)).replace(',', '');

/** "15–26 June 2016", or "28 June – 3 July 2016" across months. */
export function dateRange(startsOn: string, endsOn: string): string {
  const [start, end] = [dayOf(startsOn), dayOf(endsOn)];
  if (startsOn === endsOn) return fullFormat.format(start);
  if (start.getUTCFullYear() !== end.getUTCFullYear())
    return `${fullFormat.format(start)} – ${fullFormat.format(end)}`;
  if (start.getUTCMonth() === end.getUTCMonth()) return `${start.getUTCDate()}–${fullFormat.format(end)}`;
  return `${dayMonthFormat.format(start)} – ${fullFormat.format(end)}`;
}

/**
 * "6–9 different films: 25 % off; 10 or more: 35 %; opening and closing galas excluded", from the
 * tiers in any order; null when the edition has none.
 */
export function discountRule(tiers: readonly BulkDiscount[]): string | null {
  if (tiers.length === 0) return null;
  const sorted = [...tiers].sort((a, b) => a.minFilms - b.minFilms);
  const parts = sorted.map((tier, index) => {
    const next = sorted[index + 1];
    const films =
      next === undefined
        ? `${tier.minFilms} or more`
        : next.minFilms - 1 === tier.minFilms
          ? `${tier.minFilms}`
          : `${tier.minFilms}–${next.minFilms - 1}`;
    return index === 0
      ? `${films} different ${films === '1' ? 'film' : 'films'}: ${tier.percent} % off`
      : `${films}: ${tier.percent} %`;
  });
  return [...parts, 'opening and closing galas excluded'].join('; ');
}

const PREMIERES: Record<Premiere, string> = {
  world: 'World premiere',
  international: 'International premiere',
  european: 'European premiere',
  uk: 'UK premiere',
  scottish: 'Scottish premiere',
};
const GALAS: Record<Gala, string> = { opening: 'Opening gala', closing: 'Closing gala' };

/** "Directors' Showcase / UK premiere / Opening gala", as a festival's film page labels a film. */
export const billing = (strand: string, premiere: Premiere | null, gala: Gala | null): string =>
  [strand, premiere && PREMIERES[premiere], gala && GALAS[gala]].filter(Boolean).join(' / ');

/** "£10.95": the currency's own sign where the locale has one. */
export const moneyText = ({ amount, currency }: Money): string => {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
};

/** "Clashes with Paris at 20:00 and Zazie at 21:00", naming each planned screening it overlaps. */
export function clashText(clashesWith: readonly string[], planned: readonly Screening[]): string | null {
  const others = clashesWith
    .map((id) => planned.find((screening) => screening.id === id))
    .filter((screening): screening is Screening => screening !== undefined)
    .map((screening) => `${screening.film.title} at ${clockOf(screening.startsAt)}`);
  if (others.length === 0) return null;
  const last = others.pop();
  return `Clashes with ${others.length > 0 ? `${others.join(', ')} and ${last}` : last}`;
}

export const VISIBILITY_WORDS: Record<PlanVisibility, string> = {
  private: 'Private: only you see it',
  friends: 'Friends: the members you follow',
  public: 'Public: anyone',
};

export const films = (n: number): string => (n === 1 ? '1 film' : `${n} films`);
export const screenings = (n: number): string => (n === 1 ? '1 screening' : `${n} screenings`);

/** The pages' addresses, in one place so links and redirects agree. */
export const festivalPaths = {
  archive: '/festival',
  edition: (festival: string, year: number | string) =>
    `/festival/${encodeURIComponent(festival)}/${encodeURIComponent(String(year))}`,
  day: (festival: string, year: number | string, date: string) =>
    `${festivalPaths.edition(festival, year)}/day/${encodeURIComponent(date)}`,
  strand: (festival: string, year: number | string, strand: string) =>
    `${festivalPaths.edition(festival, year)}/strand/${encodeURIComponent(strand)}`,
  myPlan: (festival: string, year: number | string) =>
    `/my/festivals/${encodeURIComponent(festival)}/${encodeURIComponent(String(year))}`,
  memberPlan: (username: string, festival: string, year: number | string) =>
    `/member/${encodeURIComponent(username)}/festivals/${encodeURIComponent(festival)}/${encodeURIComponent(String(year))}`,
};
