import type { Page } from '../../common/paging/index.js';
import type { PopularFilm } from '../../modules/discovery/queries/popular-films/popular-films.query.js';
import {
  POPULARITY_PERIODS,
  type PopularityPeriod,
} from '../../modules/discovery/domain/popularity-period.js';
import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, Field, Pager, type PagerWords } from '../views/components.js';
import { DecadeField, LanguageAndCountryFields, SelectField, type Option } from '../views/film-filters.js';
import { Layout } from '../views/layout.js';
import { PopularFilmsGrid } from './popular-films-grid.js';

export const BROWSE_FIELDS = ['period', 'genre', 'decade', 'country', 'language'] as const;
export type BrowseFields = Partial<Record<(typeof BROWSE_FIELDS)[number], string>>;

const PERIOD_NAMES: Record<PopularityPeriod, string> = {
  today: 'Today',
  week: 'This week',
  month: 'This month',
  all: 'All time',
};

const PERIOD_OPTIONS: readonly Option[] = POPULARITY_PERIODS.map((period) => ({
  value: period,
  label: PERIOD_NAMES[period],
}));

const FILM_PAGES: PagerWords = {
  label: 'Pages of films',
  first: 'Back to the most popular',
  next: 'More films',
};

/** The browse page's address with these fields (empty ones and the default period left out). */
export function browseHref(fields: BrowseFields, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const name of BROWSE_FIELDS) {
    const value = fields[name];
    if (value && !(name === 'period' && value === 'week')) query.set(name, value);
  }
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return `/browse/films${search ? `?${search}` : ''}`;
}

export interface BrowseViewProps {
  readonly fields: BrowseFields;
  readonly period: PopularityPeriod;
  /** Null when the filters were refused (the form says why). */
  readonly page: Page<PopularFilm> | null;
  readonly paged: boolean;
  readonly failure?: FormFailure;
}

const filtered = (fields: BrowseFields): boolean =>
  Boolean(fields.genre || fields.decade || fields.country || fields.language);

/** Films members mark most, by period, genre, decade, country and language. */
export function BrowseView({ fields, period, page, paged, failure }: BrowseViewProps) {
  const errors = failure?.errors;
  return (
    <Layout title={`Popular films: ${PERIOD_NAMES[period].toLowerCase()}`}>
      <h1>Films</h1>
      <p class="muted">
        The films members check, favourite and add to their watchlists most. Every film, A to Z:{' '}
        <a href="/search">search the catalogue</a>.
      </p>
      <form class="search-form card" method="get" action="/browse/films" aria-label="Filter popular films">
        <ErrorSummary message={failure?.message} errors={errors} />
        <fieldset class="search-filters">
          <legend>Popular</legend>
          <SelectField
            name="period"
            label="Marked"
            value={fields.period ?? 'week'}
            options={PERIOD_OPTIONS}
            errors={errors}
          />
          <Field name="genre" label="Genre" value={fields.genre} errors={errors} hint="For example drama." />
          <DecadeField decade={fields.decade} errors={errors} />
          <LanguageAndCountryFields language={fields.language} country={fields.country} errors={errors} />
        </fieldset>
        <div class="search-actions">
          <button type="submit" class="primary">
            Show films
          </button>
          {filtered(fields) && <a href={browseHref({ period: fields.period })}>Clear the filters</a>}
        </div>
      </form>
      <section aria-labelledby="popular-heading">
        <h2 id="popular-heading">Popular {PERIOD_NAMES[period].toLowerCase()}</h2>
        {page && page.items.length > 0 && (
          <PopularFilmsGrid
            films={page.items}
            label={`Popular films, ${PERIOD_NAMES[period].toLowerCase()}`}
          />
        )}
        {page && page.items.length === 0 && (
          <p>
            {paged
              ? 'There are no more films here.'
              : `No film${filtered(fields) ? ' matching these filters' : ''} was marked ${period === 'all' ? 'yet' : PERIOD_NAMES[period].toLowerCase()}.`}
          </p>
        )}
        {page && (
          <Pager
            nextHref={page.nextCursor ? browseHref(fields, page.nextCursor) : null}
            firstHref={paged ? browseHref(fields) : null}
            words={FILM_PAGES}
          />
        )}
      </section>
    </Layout>
  );
}
