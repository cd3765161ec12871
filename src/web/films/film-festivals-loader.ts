import type { QueryBus } from '@nestjs/cqrs';
import { GetFilmFestivals, GetMyPlan } from '../festivals/festival-messages.js';
import type { Reader } from '../http/web-request.js';
import { editionKey, type FilmFestivalsData } from './film-festivals.js';

/** A film's festival appearances and, for a signed-in reader, what they planned in each edition. */
export async function loadFilmFestivals(
  queries: QueryBus,
  filmId: string,
  reader: Reader | null,
): Promise<FilmFestivalsData> {
  const { items } = await queries.execute(new GetFilmFestivals(filmId));
  if (!reader || items.length === 0) return { appearances: items, planned: null };
  const plans = await Promise.all(
    items.map(async (appearance) => {
      const plan = await queries.execute(new GetMyPlan(reader.id, appearance.festival.slug, appearance.year));
      const ids = new Set(plan.items.map((item) => item.screening.id));
      return [editionKey(appearance.festival.slug, appearance.year), ids] as const;
    }),
  );
  return { appearances: items, planned: new Map(plans) };
}
