import type { QueryBus } from '@nestjs/cqrs';
import { GetFilmFestivals } from '../festivals/festival-messages.js';
import { friendsPlanning, plannedIn } from '../festivals/planned.js';
import type { Reader } from '../http/web-request.js';
import { editionKey, type FilmFestivalsData } from './film-festivals.js';

/**
 * A film's festival appearances and, for a signed-in reader, what they planned in each edition
 * and who they follow plans each screening (one query for all the film's screenings).
 */
export async function loadFilmFestivals(
  queries: QueryBus,
  filmId: string,
  reader: Reader | null,
): Promise<FilmFestivalsData> {
  const { items } = await queries.execute(new GetFilmFestivals(filmId));
  if (!reader || items.length === 0) return { appearances: items, planned: null };
  const screeningIds = items.flatMap((appearance) => appearance.screenings.map((screening) => screening.id));
  const [plans, friends] = await Promise.all([
    Promise.all(
      items.map(async (appearance) => {
        const plan = await plannedIn(queries, reader, appearance.festival.slug, appearance.year);
        return [
          editionKey(appearance.festival.slug, appearance.year),
          plan.planned ?? new Set<string>(),
        ] as const;
      }),
    ),
    friendsPlanning(queries, reader, screeningIds),
  ]);
  return { appearances: items, planned: new Map(plans), friends };
}
