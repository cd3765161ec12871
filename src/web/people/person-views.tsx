import type { Person, PersonFilm } from '../../modules/catalog/people/person.js';
import { filmPath } from '../views/film-words.js';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { Layout } from '../views/layout.js';
import { PosterImage, posterFilm } from '../views/poster.js';

export interface PersonViewProps {
  readonly person: Person;
  /** The posters of the person's films. */
  readonly posters: PosterMap;
}

/** A person's page: the films they directed and the films they act in, newest first. */
export function PersonView({ person, posters }: PersonViewProps) {
  const credited = person.directed.length > 0 || person.cast.length > 0;
  return (
    <Layout title={person.name}>
      <article class="person-page">
        <h1>{person.name}</h1>
        {person.directed.length > 0 && (
          <PersonFilms id="directed" heading="Directed" films={person.directed} posters={posters} />
        )}
        {person.cast.length > 0 && (
          <PersonFilms id="cast" heading="Cast" films={person.cast} posters={posters} />
        )}
        {!credited && <p>No film in the catalogue credits {person.name} yet.</p>}
      </article>
    </Layout>
  );
}

function PersonFilms({
  id,
  heading,
  films,
  posters,
}: {
  readonly id: string;
  readonly heading: string;
  readonly films: readonly PersonFilm[];
  readonly posters: PosterMap;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ol class="person-films" id={`${id}-films`}>
        {films.map((film) => (
          <li key={film.id} class="with-poster">
            <PosterImage film={posterFilm(film, posters)} display="thumb" />
            <span>
              <a href={filmPath(film.slug)}>{film.title}</a>
              {film.year !== null && <span class="film-year"> ({film.year})</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
