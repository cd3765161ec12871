const DAY_MS = 86_400_000;

/** A day as YYYY-MM-DD, `days` before `today` (itself a YYYY-MM-DD). */
export function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}
