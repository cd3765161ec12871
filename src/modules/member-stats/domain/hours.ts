/**
 * Minutes as hours to one decimal, halves rounded up (3 minutes → 0.1, 87 → 1.5). Exact: a true
 * half is a whole number of minutes plus 3 over 6, which a double holds exactly, so Math.round sees it.
 */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;
