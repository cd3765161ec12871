import type { QueryBus } from '@nestjs/cqrs';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { DEFAULT_PAGE_SIZE, type Page } from '../../common/paging/index.js';
import { SearchFilms } from '../../modules/catalog/queries/search-films/search-films.query.js';
import { SearchFilmsRequest } from '../../modules/catalog/queries/search-films/search-films.request.js';
import { PopularFilms } from '../../modules/discovery/queries/popular-films/popular-films.query.js';
import { PopularFilmsRequest } from '../../modules/discovery/queries/popular-films/popular-films.request.js';
import { TrendingFilms } from '../../modules/discovery/queries/trending-films/trending-films.query.js';
import { TrendingFilmsRequest } from '../../modules/discovery/queries/trending-films/trending-films.request.js';
import { formInput } from '../http/forms.js';
import { marksNote, type GridFilm } from './film-poster-grid.js';

/** The orders the browse page offers: the discovery listings, and the catalogue's own two. */
export const BROWSE_SORTS = ['popular', 'trending', 'release', 'title'] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

export const FILM_FILTERS = ['genre', 'decade', 'country', 'language'] as const;

/** What the browse form sent, as text: the order, the period (of popularity only) and the filters. */
export type BrowseFields = Partial<Record<'sort' | 'period' | (typeof FILM_FILTERS)[number], string>>;

export const browseSortOf = (fields: BrowseFields): BrowseSort | undefined =>
  fields.sort === undefined ? 'popular' : BROWSE_SORTS.find((sort) => sort === fields.sort);

/**
 * One page of films in the chosen order. Each order is the API route's own query, its input
 * checked by that route's request, so the page refuses what the API refuses, naming the field.
 */
export async function browseFilms(
  queries: QueryBus,
  fields: BrowseFields,
  cursor: string | undefined,
): Promise<Page<GridFilm>> {
  const sort = browseSortOf(fields);
  if (sort === undefined)
    throw new InvalidInputException([
      { field: 'sort', message: `sort must be one of ${BROWSE_SORTS.join(', ')}` },
    ]);
  const input = {
    ...Object.fromEntries(FILM_FILTERS.flatMap((name) => (fields[name] ? [[name, fields[name]]] : []))),
    ...(cursor === undefined ? {} : { cursor }),
  };
  switch (sort) {
    case 'popular': {
      const search = await formInput(PopularFilmsRequest, { ...input, period: fields.period });
      const page = await queries.execute(
        new PopularFilms({ ...search, period: search.period ?? 'week', limit: DEFAULT_PAGE_SIZE }),
      );
      return { ...page, items: page.items.map(({ film, marks }) => ({ film, note: marksNote(marks) })) };
    }
    case 'trending': {
      const search = await formInput(TrendingFilmsRequest, input);
      const page = await queries.execute(new TrendingFilms({ ...search, limit: DEFAULT_PAGE_SIZE }));
      return {
        ...page,
        items: page.items.map(({ film, weekMarks }) => ({ film, note: marksNote(weekMarks, ' this week') })),
      };
    }
    case 'release':
    case 'title': {
      const search = await formInput(SearchFilmsRequest, { ...input, sort });
      const page = await queries.execute(new SearchFilms({ ...search, limit: DEFAULT_PAGE_SIZE }));
      return { ...page, items: page.items.map((film) => ({ film })) };
    }
  }
}
