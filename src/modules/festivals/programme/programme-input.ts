import { Transform } from 'class-transformer';

/** Festival and strand slugs as they appear in URLs: `eiff`, `directors-showcase`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;
export const isSlug = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= SLUG_MAX && SLUG.test(value);
export const SLUG_MESSAGE = `must be a slug: lowercase letters, digits and single hyphens, at most ${SLUG_MAX} characters`;

export const isYear = (value: unknown): boolean => typeof value === 'string' && /^\d{4}$/.test(value);

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 5_000;
export const NOTE_MAX = 1_000;
export const VENUE_MAX = 200;

const textOf =
  (max: number) =>
  (value: unknown): boolean =>
    typeof value === 'string' && value.length >= 1 && [...value].length <= max;
export const isName = textOf(NAME_MAX);
export const isVenue = textOf(VENUE_MAX);
/** Optional text: null or absent means none. */
export const isOptionalText =
  (max: number) =>
  (value: unknown): boolean =>
    value === null || value === undefined || textOf(max)(value);

/** Text arrives trimmed; optional text left empty becomes null. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
export const TrimmedOrNull = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

export const PREMIERES = ['world', 'international', 'european', 'uk', 'scottish'] as const;
export const GALAS = ['opening', 'closing'] as const;

/** A price as the API writes it: whole units, a point, exactly two decimals ("10.95", "0.00"). */
const AMOUNT = /^(\d{1,7})\.(\d{2})$/;
export const isAmount = (value: unknown): value is string => typeof value === 'string' && AMOUNT.test(value);
export const AMOUNT_MESSAGE = 'must be a non-negative amount with two decimals, e.g. "10.95"';

/** "10.95" → 1095 minor units, exactly (no floating point on the way). */
export function amountToMinor(amount: string): number {
  const parts = AMOUNT.exec(amount);
  if (parts === null) throw new RangeError(`${amount} is not an amount`);
  return Number(parts[1]) * 100 + Number(parts[2]);
}

export const isCurrency = (value: unknown): boolean => typeof value === 'string' && /^[A-Z]{3}$/.test(value);

/** A bulk discount table: no two tiers with the same threshold. */
export function duplicateThreshold(discounts: readonly { minFilms: number }[]): number | null {
  const seen = new Set<number>();
  for (const { minFilms } of discounts) {
    if (seen.has(minFilms)) return minFilms;
    seen.add(minFilms);
  }
  return null;
}
