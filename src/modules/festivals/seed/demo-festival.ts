import type pg from 'pg';
import { readEditionFile } from '../programme/import/edition-file.js';
import { importEdition, type Tally } from '../programme/import/edition-import.js';
import { ProgrammeWriter } from '../programme/programme-writer.js';

const S = (film: string, venue: string, startsAt: string) => ({ film, venue, startsAt });

/**
 * An edition modelled on EIFF's programme pages (strands, premieres, galas, venues across the city),
 * not its real 2008 line-up, with a late show after midnight; in the file format of `festival:import`.
 */
export const EIFF_2008 = {
  festival: {
    slug: 'eiff',
    name: 'Edinburgh International Film Festival',
    description: 'The world’s longest continually running film festival, every summer in Edinburgh.',
  },
  edition: {
    year: 2008,
    startsOn: '2008-08-13',
    endsOn: '2008-08-24',
    timeZone: 'Europe/London',
    ticketPrice: { amount: '10.95', currency: 'GBP' },
    bulkDiscounts: [
      { minFilms: 6, percent: 25 },
      { minFilms: 10, percent: 35 },
    ],
  },
  strands: [
    { slug: 'galas', name: 'Galas', description: 'Opening and closing nights' },
    {
      slug: 'directors-showcase',
      name: "Directors' Showcase",
      description: 'New work by established directors',
    },
    { slug: 'world-perspectives', name: 'World Perspectives', description: 'Cinema from around the world' },
    { slug: 'night-moves', name: 'Night Moves', description: 'Late shows' },
  ],
  films: [
    { film: '4-months-3-weeks-and-2-days-2007', strand: 'galas', gala: 'opening', premiere: 'scottish' },
    { film: 'the-hurt-locker-2008', strand: 'galas', gala: 'closing', premiere: 'uk' },
    { film: 'paris-2008', strand: 'directors-showcase', premiere: 'uk' },
    { film: 'still-walking-2008', strand: 'directors-showcase', premiere: 'uk' },
    { film: 'ponyo-2008', strand: 'world-perspectives', premiere: 'european' },
    { film: 'lake-tahoe-2008', strand: 'world-perspectives', premiere: 'uk', note: 'Director in person' },
    { film: 'yeelen-1987', strand: 'world-perspectives' },
    { film: 'picnic-at-hanging-rock-1975', strand: 'night-moves' },
    { film: 'city-of-god-2002', strand: 'night-moves' },
  ],
  screenings: [
    S('4-months-3-weeks-and-2-days-2007', 'Festival Theatre', '2008-08-13T19:30'),
    S('paris-2008', 'Filmhouse 1', '2008-08-14T18:00'),
    S('paris-2008', 'Cineworld 3', '2008-08-16T14:15'),
    S('still-walking-2008', 'Cameo 1', '2008-08-14T20:30'),
    S('still-walking-2008', 'Filmhouse 2', '2008-08-18T16:00'),
    S('ponyo-2008', 'Cineworld 5', '2008-08-15T18:30'),
    S('ponyo-2008', 'Filmhouse 1', '2008-08-19T21:00'),
    S('lake-tahoe-2008', 'Cameo 1', '2008-08-15T21:00'),
    S('yeelen-1987', 'Cineworld 3', '2008-08-17T20:45'),
    S('picnic-at-hanging-rock-1975', 'Filmhouse 2', '2008-08-20T13:00'),
    S('city-of-god-2002', 'Cameo 1', '2008-08-16T00:30'),
    S('city-of-god-2002', 'Cineworld 5', '2008-08-22T23:15'),
    S('the-hurt-locker-2008', 'Festival Theatre', '2008-08-24T19:00'),
  ],
};

/** Loads EIFF 2008 through the same checks and writer as `festival:import`; a second run changes nothing. */
export async function seedDemoFestival(pool: pg.Pool): Promise<Tally> {
  const reading = await readEditionFile(EIFF_2008);
  if (!reading.ok) throw new Error(`the demo festival is refused:\n${reading.problems.join('\n')}`);
  return importEdition(new ProgrammeWriter(pool), reading.file);
}
