/** The windows popularity is counted over. */
export const POPULARITY_PERIODS = ['today', 'week', 'month', 'all'] as const;

export type PopularityPeriod = (typeof POPULARITY_PERIODS)[number];

export type PopularityWindow = Exclude<PopularityPeriod, 'all'>;

/** How many UTC days, today included, each window spans; `all` has no bound. */
export const WINDOW_DAYS: Readonly<Record<PopularityWindow, number>> = {
  today: 1,
  week: 7,
  month: 30,
};

/** The UTC day of an instant, as `YYYY-MM-DD`. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The day `days` after a `YYYY-MM-DD` day (before it when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
}

/** The first day a window ending on `day` counts. */
export const firstDayOf = (window: PopularityWindow, day: string): string =>
  addDays(day, -(WINDOW_DAYS[window] - 1));

/** The first day a period counts on the UTC day of `now`, as `YYYY-MM-DD`; null for all time. */
export const windowStart = (period: PopularityPeriod, now: Date): string | null =>
  period === 'all' ? null : firstDayOf(period, utcDay(now));
