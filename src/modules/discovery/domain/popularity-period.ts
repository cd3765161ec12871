/** The windows popularity is counted over. */
export const POPULARITY_PERIODS = ['today', 'week', 'month', 'all'] as const;

export type PopularityPeriod = (typeof POPULARITY_PERIODS)[number];

/** How many UTC days, today included, each window spans; `all` has no bound. */
const WINDOW_DAYS: Readonly<Record<Exclude<PopularityPeriod, 'all'>, number>> = {
  today: 1,
  week: 7,
  month: 30,
};

/** The first day a window counts, as `YYYY-MM-DD`; null for all time. */
export function windowStart(period: PopularityPeriod, now: Date): string | null {
  if (period === 'all') return null;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - (WINDOW_DAYS[period] - 1));
  return start.toISOString().slice(0, 10);
}
