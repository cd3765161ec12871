const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
const exact = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "11 minutes ago", "2 days ago"; under a minute is "just now", and the future reads "in 3 hours". */
export function relativeTime(at: Date, now: Date): string {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (magnitude >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** "21 November 2026 at 14:03 UTC": the time shown on hover. */
export const exactTime = (at: Date): string => `${exact.format(at)} UTC`;
