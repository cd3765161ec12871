import type { QueryBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { NotFoundException } from '@nestjs/common';
import { ListDayScreenings } from '../../modules/festivals/programme/queries/day-screenings/day-screenings.query.js';
import { GetEdition } from '../../modules/festivals/programme/queries/get-edition/get-edition.query.js';
import type { CatalogueFilm } from './catalogue-film.js';

/** The festival edition the members plan: the demo festival of `npm run seed:demo`. */
export const DEMO_EDITION = { festival: 'eiff', year: '2008' } as const;

/** Every film of the catalogue, in slug order (the generator orders them itself). */
export async function catalogueFilms(pool: pg.Pool): Promise<CatalogueFilm[]> {
  const { rows } = await pool.query<CatalogueFilm>(
    `SELECT id, slug, title, year, genres, countries, imdb_id IS NOT NULL AS known FROM films ORDER BY slug`,
  );
  return rows;
}

/** The screening ids of the demo edition, day by day; none when the festival was never loaded. */
export async function demoScreeningIds(queries: QueryBus): Promise<string[] | null> {
  try {
    const edition = await queries.execute(new GetEdition(DEMO_EDITION.festival, DEMO_EDITION.year));
    const ids: string[] = [];
    for (const day of edition.days.filter((candidate) => candidate.screenings > 0)) {
      const { items } = await queries.execute(
        new ListDayScreenings(DEMO_EDITION.festival, DEMO_EDITION.year, day.date),
      );
      ids.push(...items.map((screening) => screening.id));
    }
    return ids;
  } catch (error) {
    if (error instanceof NotFoundException) return null;
    throw error;
  }
}
