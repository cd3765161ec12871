import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Film } from '../../../src/modules/catalog/films/film.js';
import { FestivalProgramme } from '../../support/festival-programme.js';
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
 * An edition written straight into the programme tables: 15–26 June 2016 in Europe/London, £10 a
 * ticket, 25 % off from 6 films and 35 % from 10.
 */
export async function insertEdition(app: INestApplication): Promise<TestEdition> {
  const tag = randomUUID().slice(0, 8);
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
  const programme = new FestivalProgramme(app);
  const edition = await programme.edition({
    festival: `eiff-${tag}`,
    name: `Film Festival ${tag}`,
    year: 2016,
    startsOn: '2016-06-15',
    endsOn: '2016-06-26',
    timeZone: ZONE,
    ticketPrice: { amountMinor: 1000, currency: 'GBP' },
    strands: [
      {
        slug: 'directors-showcase',
        name: "Directors' Showcase",
        description: 'New films by established directors.',
      },
      { slug: 'world-perspectives', name: 'World Perspectives' },
    ],
  });
  const world = 'world-perspectives';
  await programme.select(edition, films.paris.id, { premiere: 'uk' });
  await programme.select(edition, films.timbuktu.id, { strand: world, premiere: 'scottish' });
  await programme.select(edition, films.tokyo.id, { strand: world });
  await programme.select(edition, films.late.id);
  const screen = (film: Film, venue: string, localStart: string) =>
    programme.screening(edition, film.id, venue, localStart);
  return {
    slug: edition.festival,
    name: edition.name,
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
