import type { Page } from '../../common/paging/index.js';
import {
  POPULARITY_PERIODS,
  type PopularityPeriod,
} from '../../modules/discovery/domain/popularity-period.js';
import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, Field, Pager, type PagerWords } from '../views/components.js';
import { DecadeField, LanguageAndCountryFields, SelectField, type Option } from '../views/film-filters.js';
import { Layout } from '../views/layout.js';
import { BROWSE_SORTS, FILM_FILTERS, type BrowseFields, type BrowseSort } from './browse-films.js';
import { FilmPosterGrid, type GridFilm } from './film-poster-grid.js';

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

const SORT_NAMES: Record<BrowseSort, string> = {
  popular: 'Popularity',
  trending: 'Trending this week',
  release: 'Release date, newest first',
  title: 'Title, A to Z',
};

const SORT_OPTIONS: readonly Option[] = BROWSE_SORTS.map((sort) => ({
  value: sort,
  label: SORT_NAMES[sort],
}));

const FILM_PAGES: PagerWords = {
  label: 'Pages of films',
  first: 'Back to the first page',
  next: 'More films',
};

/** The browse page's address with these fields: empty ones, the default order and period left out. */
export function browseHref(fields: BrowseFields, cursor?: string | null): string {
  const query = new URLSearchParams();
  const sort = fields.sort ?? 'popular';
  if (sort !== 'popular') query.set('sort', sort);
  if (sort === 'popular' && fields.period && fields.period !== 'week') query.set('period', fields.period);
  for (const name of FILM_FILTERS) {
    const value = fields[name];
    if (value) query.set(name, value);
  }
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return `/browse/films${search ? `?${search}` : ''}`;
}

export interface BrowseViewProps {
  readonly fields: BrowseFields;
  /** The order shown: the one asked for, or popularity when that was refused. */
  readonly sort: BrowseSort;
  readonly period: PopularityPeriod;
  /** Null when the filters were refused (the form says why). */
  readonly page: Page<GridFilm> | null;
  readonly paged: boolean;
  readonly failure?: FormFailure;
}

const filtered = (fields: BrowseFields): boolean => FILM_FILTERS.some((name) => Boolean(fields[name]));

function headingOf(sort: BrowseSort, period: PopularityPeriod): string {
  if (sort === 'popular') return `Popular ${PERIOD_NAMES[period].toLowerCase()}`;
  if (sort === 'trending') return 'Trending this week';
  return sort === 'release' ? 'Newest releases' : 'Films from A to Z';
}

/** The grid's name for screen readers and tests: what the films are, and in what order. */
function gridLabelOf(sort: BrowseSort, period: PopularityPeriod): string {
  if (sort === 'popular') return `Popular films, ${PERIOD_NAMES[period].toLowerCase()}`;
  if (sort === 'trending') return 'Trending films, this week';
  return sort === 'release' ? 'Films, newest first' : 'Films, A to Z';
}

function emptyText(sort: BrowseSort, period: PopularityPeriod, fields: BrowseFields, paged: boolean): string {
  if (paged) return 'There are no more films here.';
  const matching = filtered(fields) ? ' matching these filters' : '';
  if (sort === 'popular')
    return `No film${matching} was marked ${period === 'all' ? 'yet' : PERIOD_NAMES[period].toLowerCase()}.`;
  if (sort === 'trending') return `No film${matching} is marked more than usual this week.`;
  return `No film${matching} is in the catalogue.`;
}

/** Films by popularity (of a period), trend, release date or title, of a genre, decade, country and language. */
export function BrowseView({ fields, sort, period, page, paged, failure }: BrowseViewProps) {
  const errors = failure?.errors;
  const heading = headingOf(sort, period);
  return (
    <Layout title={`Films: ${heading.toLowerCase()}`}>
      <h1>Films</h1>
      <p class="muted">
        The films members check, favourite and add to their watchlists most, those they mark more than usual
        this week, or every film by release date or title. Looking for one:{' '}
        <a href="/search">search the catalogue</a>.
      </p>
      <form class="search-form card" method="get" action="/browse/films" aria-label="Browse films">
        <ErrorSummary message={failure?.message} errors={errors} />
        <fieldset class="search-filters">
          <legend>Order and filters</legend>
          <SelectField name="sort" label="Order by" value={sort} options={SORT_OPTIONS} errors={errors} />
          <SelectField
            name="period"
            label="Marked (for popularity)"
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
          {filtered(fields) && (
            <a href={browseHref({ sort: fields.sort, period: fields.period })}>Clear the filters</a>
          )}
        </div>
      </form>
      <section aria-labelledby="browse-heading">
        <h2 id="browse-heading">{heading}</h2>
        {page && page.items.length > 0 && (
          <FilmPosterGrid films={page.items} label={gridLabelOf(sort, period)} />
        )}
        {page && page.items.length === 0 && <p>{emptyText(sort, period, fields, paged)}</p>}
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
