import type { PopularFilm } from '../../modules/discovery/queries/popular-films/popular-films.query.js';
import { filmPath } from '../views/film-words.js';
import { count } from '../views/numbers.js';
import { PosterImage } from '../views/poster.js';

/** Popular films as a grid of posters, most marked first, each with its title and how many marks. */
export function PopularFilmsGrid({
  films,
  label,
}: {
  readonly films: readonly PopularFilm[];
  readonly label: string;
}) {
  return (
    <ol class="poster-grid" aria-label={label}>
      {films.map(({ film, marks }) => (
        <li key={film.id} class="poster-grid-item">
          <PosterImage film={film} display="grid" />
          <p class="poster-grid-caption">
            <a href={filmPath(film.slug)}>{film.title}</a>
            {film.year !== null && <span class="list-year"> ({film.year})</span>}
            <span class="popular-marks muted"> {marks === 1 ? '1 mark' : `${count(marks)} marks`}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
