import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import type { Film } from '../../../src/modules/catalog/films/film.js';
import { zonedStart } from '../../../src/modules/festivals/domain/festival-time.js';
import { READ_MODEL_POOL } from '../../../src/platform/database/database.module.js';
import { addFilm } from '../../support/films.js';

export const ZONE = 'Europe/London';

export interface TestEdition {
  readonly slug: string;
  readonly name: string;
  readonly year: 2016;
  readonly films: {
    readonly paris: Film;
    readonly timbuktu: Film;
    readonly tokyo: Film;
    readonly late: Film;
  };
  /** Screening ids by name. */
  readonly screenings: {
    /** Paris, Sat 18 June 20:00–22:10, Cineworld 3. */
    readonly paris: string;
    /** Timbuktu, 18 June 21:00–22:37, Filmhouse 1: overlaps Paris. */
    readonly timbuktu: string;
    /** Tokyo Story, 18 June 14:00–16:16, Filmhouse 2. */
    readonly tokyo: string;
    /** A late show at 00:30 on Sunday 19 June (Saturday night), Filmhouse 1. */
    readonly late: string;
  };
}

/**
 * An edition written straight into the programme tables (the admin API is another helper's
 * concern): 15–26 June 2016 in Europe/London, £10 a ticket, 25 % off from 6 films and 35 % from 10.
 */
export async function insertEdition(app: INestApplication): Promise<TestEdition> {
  const pool = app.get<pg.Pool>(READ_MODEL_POOL);
  const tag = randomUUID().slice(0, 8);
  const slug = `eiff-${tag}`;
  const name = `Film Festival ${tag}`;
  const films = {
    paris: await addFilm(app, { title: `Paris ${tag}`, year: 2008, runtimeMinutes: 130, countries: ['FR'] }),
    timbuktu: await addFilm(app, {
      title: `Timbuktu ${tag}`,
      year: 2014,
      runtimeMinutes: 97,
      countries: ['ML', 'FR'],
    }),
    tokyo: await addFilm(app, {
      title: `Tokyo Story ${tag}`,
      year: 1953,
      runtimeMinutes: 136,
      countries: ['JP'],
    }),
    late: await addFilm(app, {
      title: `Night Owls ${tag}`,
      year: 2015,
      runtimeMinutes: 90,
      countries: ['US'],
    }),
  };
  const festivalId = randomUUID();
  const editionId = randomUUID();
  await pool.query('INSERT INTO festivals (id, slug, name) VALUES ($1, $2, $3)', [festivalId, slug, name]);
  await pool.query(
    `INSERT INTO festival_editions (id, festival_id, year, starts_on, ends_on, time_zone, ticket_price_minor,
                                    ticket_currency, bulk_discounts)
     VALUES ($1, $2, 2016, '2016-06-15', '2016-06-26', $3, 1000, 'GBP', $4)`,
    [
      editionId,
      festivalId,
      ZONE,
      JSON.stringify([
        { minFilms: 6, percent: 25 },
        { minFilms: 10, percent: 35 },
      ]),
    ],
  );
  const strands = { showcase: randomUUID(), world: randomUUID() };
  await pool.query(
    `INSERT INTO festival_strands (id, edition_id, slug, name, description)
     VALUES ($1, $3, 'directors-showcase', 'Directors'' Showcase', 'New films by established directors.'),
            ($2, $3, 'world-perspectives', 'World Perspectives', NULL)`,
    [strands.showcase, strands.world, editionId],
  );
  const select = (film: Film, strand: string, premiere: string | null) =>
    pool.query(
      'INSERT INTO festival_selections (edition_id, film_id, strand_id, premiere) VALUES ($1, $2, $3, $4)',
      [editionId, film.id, strand, premiere],
    );
  await select(films.paris, strands.showcase, 'uk');
  await select(films.timbuktu, strands.world, 'scottish');
  await select(films.tokyo, strands.world, null);
  await select(films.late, strands.showcase, null);
  const screen = async (film: Film, venue: string, localStart: string) => {
    const id = randomUUID();
    const { instant, localDate } = zonedStart(localStart, ZONE);
    await pool.query(
      `INSERT INTO festival_screenings (id, edition_id, film_id, venue, local_start, starts_at, local_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, editionId, film.id, venue, localStart, instant, localDate],
    );
    return id;
  };
  return {
    slug,
    name,
    year: 2016,
    films,
    screenings: {
      paris: await screen(films.paris, 'Cineworld 3', '2016-06-18T20:00'),
      timbuktu: await screen(films.timbuktu, 'Filmhouse 1', '2016-06-18T21:00'),
      tokyo: await screen(films.tokyo, 'Filmhouse 2', '2016-06-18T14:00'),
      late: await screen(films.late, 'Filmhouse 1', '2016-06-19T00:30'),
    },
  };
}
