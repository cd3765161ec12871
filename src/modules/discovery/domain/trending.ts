import { WINDOW_DAYS } from './popularity-period.js';

/**
 * Trending: a film whose marks of the last 7 days run ahead of its own pace over the 23 days
 * before them. Its score is how far ahead, in marks: this week's marks less the share of the
 * earlier marks a week would hold at that pace (7/23 of them). A film marked at an even pace
 * scores about 0 whatever its size; one nobody marked before this week scores its week's marks.
 */
export const TRENDING_WEEK_DAYS = WINDOW_DAYS.week;

/** The days of the month window before this week. */
export const TRENDING_EARLIER_DAYS = WINDOW_DAYS.month - WINDOW_DAYS.week;

/** Fewer marks this week than this is noise, not a trend: one member's marks would make a film trend. */
export const TRENDING_MIN_WEEK_MARKS = 3;

/**
 * The score times 23, a whole number (23·week − 7·earlier), so films are ordered and paged on an
 * exact value; positive exactly when the film runs ahead of its pace.
 */
export const trendingExcess = (weekMarks: number, earlierMarks: number): number =>
  TRENDING_EARLIER_DAYS * weekMarks - TRENDING_WEEK_DAYS * earlierMarks;

/** The score as the API shows it: marks ahead of the film's own pace, to two decimals. */
export const trendingScore = (weekMarks: number, earlierMarks: number): number =>
  Math.round((trendingExcess(weekMarks, earlierMarks) / TRENDING_EARLIER_DAYS) * 100) / 100;
