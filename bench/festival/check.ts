import type { RunningApp } from '../catalogue/search-load.js';
import type { Reader } from '../social/members.js';
import type { BenchEdition } from './programme.js';

async function get<T>(app: RunningApp, path: string, token?: string): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (response.status !== 200) {
    throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  }
  return (await response.json()) as T;
}

/**
 * Before any load: the endpoints answer as the contract says on what the bench wrote, so a load of
 * 404s or of empty answers cannot pass for figures. The edition's days and their counts, one
 * day's screenings, a load member's plan, a film's stats.
 */
export async function checkEndpoints(
  app: RunningApp,
  edition: BenchEdition,
  member: Reader,
  plan: ReadonlySet<string>,
  filmId: string,
): Promise<void> {
  const base = `/api/v1/festivals/${edition.festival}/${edition.year}`;
  const problems: string[] = [];
  const page = await get<{ days?: { date: string; screenings: number }[] }>(app, base);
  const days = page.days ?? [];
  if (days.length !== edition.days.length)
    problems.push(`the edition has ${days.length} days, expected ${edition.days.length}`);
  for (const day of days) {
    if (day.screenings !== edition.screeningsByDay[day.date]) {
      problems.push(
        `${day.date} has ${day.screenings} screenings, expected ${edition.screeningsByDay[day.date]}`,
      );
    }
  }
  const day = edition.days[0]!;
  const listing = await get<{ items?: unknown[] }>(app, `${base}/screenings?day=${day}`);
  if (listing.items?.length !== edition.screeningsByDay[day]) {
    problems.push(
      `screenings?day=${day} lists ${listing.items?.length}, expected ${edition.screeningsByDay[day]}`,
    );
  }
  const mine = await get<{ items?: { screening: { id: string } }[] }>(
    app,
    `/api/v1/me/festivals/${edition.festival}/${edition.year}/plan`,
    member.token,
  );
  const planned = new Set((mine.items ?? []).map((item) => item.screening.id));
  if (planned.size !== plan.size || [...plan].some((id) => !planned.has(id))) {
    problems.push(
      `${member.username}'s plan holds ${planned.size} screenings, not the ${plan.size} prefilled`,
    );
  }
  await get(app, `/api/v1/films/${filmId}/stats`);
  if (problems.length > 0)
    throw new Error(`The festival endpoints do not answer as expected:\n${problems.join('\n')}`);
}
