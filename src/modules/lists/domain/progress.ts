import { percentOf } from '../../film-log/domain/percent.js';

export type Award = 'bronze' | 'silver' | 'gold' | 'platinum';

export interface ListProgress {
  readonly checked: number;
  readonly total: number;
  /** Of the list's films, rounded half-up to one decimal. */
  readonly percent: number;
  readonly award: Award | null;
}

/**
 * A reader's progress on a list. Awards are judged on the exact ratio in whole numbers, not on the
 * rounded percent: 8,996 of 10,000 shows 90.0 % but is not yet gold.
 */
export function progressOf(checked: number, total: number): ListProgress {
  return { checked, total, percent: percentOf(checked, total), award: awardFor(checked, total) };
}

export function awardFor(checked: number, total: number): Award | null {
  if (total === 0) return null;
  if (checked >= total) return 'platinum';
  if (checked * 10 >= total * 9) return 'gold';
  if (checked * 4 >= total * 3) return 'silver';
  if (checked * 2 >= total) return 'bronze';
  return null;
}
