import type { Film } from '../../modules/catalog/films/film.js';
import { filmPath } from '../views/film-words.js';
import { count } from '../views/numbers.js';
import { PosterImage } from '../views/poster.js';

/** A film as a poster grid shows it, with a short note under its title (how many marks, say). */
export interface GridFilm {
  readonly film: Film;
  readonly note?: string;
}

/** Marks in words: "1 mark", "1,204 marks", with what follows. */
export const marksNote = (marks: number, suffix = ''): string =>
  `${marks === 1 ? '1 mark' : `${count(marks)} marks`}${suffix}`;

/** Films as a grid of posters, in the order given, each with its title, year and note. */
export function FilmPosterGrid({
  films,
  label,
}: {
  readonly films: readonly GridFilm[];
  readonly label: string;
}) {
  return (
    <ol class="poster-grid" aria-label={label}>
      {films.map(({ film, note }) => (
        <li key={film.id} class="poster-grid-item">
          <PosterImage film={film} display="grid" />
          <p class="poster-grid-caption">
            <a href={filmPath(film.slug)}>{film.title}</a>
            {film.year !== null && <span class="list-year"> ({film.year})</span>}
            {note && <span class="popular-marks muted"> {note}</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}
