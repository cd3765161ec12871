import type { FestivalSummary } from '../../modules/festivals/programme/queries/list-festivals/list-festivals.query.js';

export interface FestivalEditionDates {
  readonly slug: string;
  readonly name: string;
  readonly year: number;
  readonly startsOn: string;
  readonly endsOn: string;
}

/**
 * The editions worth a visitor's eye on `today` (a `YYYY-MM-DD` date): those on now, then the next
 * to open, soonest first; when none is on or to come, the latest that ended.
 */
export function festivalsOnOrNext(
  festivals: readonly FestivalSummary[],
  today: string,
  limit: number,
): FestivalEditionDates[] {
  const editions = festivals.flatMap((festival) =>
    festival.editions.map((edition) => ({ slug: festival.slug, name: festival.name, ...edition })),
  );
  const current = editions
    .filter((edition) => edition.endsOn >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name));
  if (current.length > 0) return current.slice(0, limit);
  return editions.sort((a, b) => b.endsOn.localeCompare(a.endsOn)).slice(0, limit);
}
