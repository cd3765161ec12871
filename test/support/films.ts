import type { INestApplication } from '@nestjs/common';
import { FilmWriter } from '../../src/modules/catalog/films/film-writer.js';
import type { Film } from '../../src/modules/catalog/films/film.js';
import type { FilmRequest } from '../../src/modules/catalog/films/film-request.js';

let made = 0;

/** The body of POST /films for a film with nothing but a title and a year, unless `details` add more. */
export const filmRequest = (
  details: Partial<FilmRequest> & Pick<FilmRequest, 'title' | 'year'>,
): FilmRequest =>
  ({
    directors: [],
    cast: [],
    genres: [],
    languages: [],
    countries: [],
    criticReviews: [],
    ...details,
  }) as FilmRequest;

/** A film in the catalogue, written the way the admin endpoint writes it; titles are unique per call. */
export async function addFilm(app: INestApplication, details: Partial<FilmRequest> = {}): Promise<Film> {
  made += 1;
  const request = filmRequest({
    title: `Test Film ${made} ${Math.random().toString(36).slice(2, 8)}`,
    year: 2000 + (made % 20),
    ...details,
  });
  return app.get(FilmWriter).create(request);
}

/** `count` films, made one after the other, in that order. */
export async function addFilms(app: INestApplication, count: number): Promise<Film[]> {
  const films: Film[] = [];
  for (let index = 0; index < count; index += 1) films.push(await addFilm(app));
  return films;
}
