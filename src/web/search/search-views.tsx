import type { Film } from '../../modules/catalog/films/film.js';
import type { FilmPage } from '../../modules/catalog/queries/search-films/search-films.query.js';
import { filmPath, genreName, runtimeText } from '../views/film-words.js';
import type { FormFailure } from '../http/forms.js';
import { PersonLinks } from '../people/person-links.js';
import { ErrorSummary, Field, Pager, type PagerWords } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { PosterImage } from '../views/poster.js';
import { DecadeField, LanguageAndCountryFields } from '../views/film-filters.js';

/** Results run in title or relevance order, not by time. */
const RESULT_PAGES: PagerWords = {
  label: 'Result pages',
  first: 'Back to the first results',
  next: 'More results',
};

export const SEARCH_FIELDS = ['q', 'year', 'decade', 'genre', 'language', 'country'] as const;
export type SearchFields = Partial<Record<(typeof SEARCH_FIELDS)[number], string>>;

/** The search's address with these fields (empty ones left out), and a cursor for a later page. */
export function searchHref(fields: SearchFields, cursor?: string): string {
  const params = new URLSearchParams();
  for (const name of SEARCH_FIELDS) {
    const value = fields[name];
    if (value) params.set(name, value);
  }
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

export interface SearchViewProps {
  readonly fields: SearchFields;
  /** Null when the search was refused (a bad filter): the form shows why. */
  readonly page: FilmPage | null;
  /** A later page than the first. */
  readonly paged: boolean;
  readonly failure?: FormFailure;
}

const hasFilters = (fields: SearchFields): boolean =>
  Boolean(fields.year || fields.decade || fields.genre || fields.language || fields.country);

function heading(fields: SearchFields): string {
  if (fields.q) return `Films matching “${fields.q}”`;
  return hasFilters(fields) ? 'Films' : 'All films';
}

export function SearchView({ fields, page, paged, failure }: SearchViewProps) {
  const title = heading(fields);
  return (
    <Layout title={title} noIndex={paged}>
      <h1>{title}</h1>
      <div class="search-page">
        <SearchForm fields={fields} failure={failure} />
        <section aria-labelledby="results-heading" class="search-results">
          <h2 id="results-heading">Results</h2>
          {page && <Results fields={fields} page={page} paged={paged} />}
          {!page && <p>Correct the search above to see films.</p>}
        </section>
      </div>
    </Layout>
  );
}

function SearchForm({ fields, failure }: { readonly fields: SearchFields; readonly failure?: FormFailure }) {
  const errors = failure?.errors;
  return (
    <form
      class="search-form card"
      method="get"
      action="/search"
      role="search"
      aria-label="Search and filter films"
    >
      <ErrorSummary message={failure?.message} errors={errors} />
      <Field
        name="q"
        label="Title or director"
        type="search"
        value={fields.q}
        errors={errors}
        hint="Small typos and missing accents are forgiven."
      />
      <fieldset class="search-filters">
        <legend>Filters</legend>
        <Field name="year" label="Year" type="number" value={fields.year} errors={errors} />
        <DecadeField decade={fields.decade} errors={errors} />
        <Field
          name="genre"
          label="Genre"
          value={fields.genre}
          errors={errors}
          hint="For example drama or science-fiction."
        />
        <LanguageAndCountryFields language={fields.language} country={fields.country} errors={errors} />
      </fieldset>
      <div class="search-actions">
        <button type="submit" class="primary">
          Search
        </button>
        {(fields.q || hasFilters(fields)) && <a href="/search">Clear the search</a>}
      </div>
    </form>
  );
}

function Results({
  fields,
  page,
  paged,
}: {
  readonly fields: SearchFields;
  readonly page: FilmPage;
  readonly paged: boolean;
}) {
  if (page.items.length === 0) {
    if (paged) return <p>There are no more films for this search.</p>;
    if (fields.q)
      return (
        <p>
          No films match “{fields.q}”{hasFilters(fields) ? ' with these filters' : ''}. Check the spelling,
          try fewer words{hasFilters(fields) ? ' or remove a filter' : ''}.
        </p>
      );
    return hasFilters(fields) ? (
      <p>No films match these filters. Remove a filter to see more.</p>
    ) : (
      <p>There are no films in the catalogue yet.</p>
    );
  }
  return (
    <>
      <ol class="search-list">
        {page.items.map((film) => (
          <li key={film.id}>
            <FilmResult film={film} />
          </li>
        ))}
      </ol>
      <Pager
        words={RESULT_PAGES}
        nextHref={page.nextCursor ? searchHref(fields, page.nextCursor) : null}
        firstHref={paged ? searchHref(fields) : null}
      />
    </>
  );
}

function FilmResult({ film }: { readonly film: Film }) {
  const facts = [
    film.runtimeMinutes !== null ? runtimeText(film.runtimeMinutes) : null,
    film.genres.length > 0 ? film.genres.map(genreName).join(', ') : null,
  ].filter((fact): fact is string => fact !== null);
  const directed = film.directors.length > 0;
  return (
    <article class="search-result">
      <PosterImage film={film} display="small" />
      <div class="search-result-text">
        <h3>
          <a href={filmPath(film.slug)}>{film.title}</a>
          {film.year !== null && <span class="film-year"> ({film.year})</span>}
        </h3>
        {film.originalTitle && film.originalTitle !== film.title && (
          <p class="muted">Original title: {film.originalTitle}</p>
        )}
        {(directed || facts.length > 0) && (
          <p class="search-facts">
            {directed && (
              <>
                Directed by <PersonLinks people={film.directors} />
                {facts.length > 0 && ' · '}
              </>
            )}
            {facts.join(' · ')}
          </p>
        )}
      </div>
    </article>
  );
}
