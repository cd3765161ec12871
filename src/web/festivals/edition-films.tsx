import type { ComponentChildren } from 'preact';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { Pager, type PagerWords } from '../views/components.js';
import { countryName } from '../views/film-words.js';
import { PosterImage, posterFilm } from '../views/poster.js';
import type { EditionDetail, EditionFilm } from './festival-shapes.js';
import { billing, festivalPaths } from './festival-words.js';
import { ScreeningList, type PlanContext } from './screening-parts.js';

export const editionTitle = (edition: EditionDetail) => `${edition.festival.name} ${edition.year}`;

const FILM_PAGES: PagerWords = {
  label: 'Pages of films',
  first: 'Back to the first films',
  next: 'More films',
};

/** An edition's films as listed: billing, countries (each a filter link), note and screenings. */
export function EditionFilms({
  edition,
  films: listed,
  posters,
  plan,
}: {
  readonly edition: EditionDetail;
  readonly films: readonly EditionFilm[];
  readonly posters: PosterMap;
  readonly plan: PlanContext;
}) {
  if (listed.length === 0) return <p>No films match.</p>;
  const editionHref = festivalPaths.edition(edition.festival.slug, edition.year);
  return (
    <ul class="festival-films">
      {listed.map((entry) => (
        <li key={entry.film.id} class="festival-film with-poster">
          <PosterImage film={posterFilm(entry.film, posters)} display="small" />
          <div>
            <h3>
              <a href={`/film/${encodeURIComponent(entry.film.slug)}`}>{entry.film.title}</a>
              {entry.film.year !== null && <span class="muted"> ({entry.film.year})</span>}
            </h3>
            <p class="festival-billing">{billing(entry.strand.name, entry.premiere, entry.gala)}</p>
            {entry.film.countries.length > 0 && (
              <p class="festival-countries">
                {entry.film.countries.map((code, index) => (
                  <span key={code}>
                    {index > 0 && ', '}
                    <a href={`${editionHref}?country=${encodeURIComponent(code)}#films-heading`}>
                      {countryName(code)}
                    </a>
                  </span>
                ))}
              </p>
            )}
            {entry.note && <p class="festival-note">{entry.note}</p>}
            <ScreeningList screenings={entry.screenings} title={entry.film.title} plan={plan} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The films list with its pager, under a "Films" heading. */
export function FilmsSection({
  children,
  edition,
  films,
  posters,
  firstHref,
  nextHref,
  plan,
}: {
  readonly children?: ComponentChildren;
  readonly edition: EditionDetail;
  readonly films: readonly EditionFilm[];
  readonly posters: PosterMap;
  readonly firstHref: string | null;
  readonly nextHref: string | null;
  readonly plan: PlanContext;
}) {
  return (
    <section aria-labelledby="films-heading">
      <h2 id="films-heading">Films</h2>
      {children}
      <EditionFilms edition={edition} films={films} posters={posters} plan={plan} />
      <Pager firstHref={firstHref} nextHref={nextHref} words={FILM_PAGES} />
    </section>
  );
}
