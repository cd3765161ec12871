import { Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { POPULARITY_PERIODS } from '../../modules/discovery/domain/popularity-period.js';
import { filledText, formFailureOf } from '../http/forms.js';
import { PageResult, WebPages, seeOther, view } from '../http/web-page.js';
import { FILM_FILTERS, browseFilms, browseSortOf, type BrowseFields } from './browse-films.js';
import { BrowseView, browseHref } from './browse-views.js';

const BROWSE_FIELDS = ['sort', 'period', ...FILM_FILTERS] as const;

/** Browsing films: the same queries and rules as GET /api/v1/films/popular, /films/trending and /films, as a page. */
@WebPages('browse/films')
export class BrowsePagesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  async browse(@Query() query: Record<string, unknown>) {
    const fields: BrowseFields = Object.fromEntries(
      BROWSE_FIELDS.flatMap((name) => {
        const value = filledText(query[name]);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    const cursor = filledText(query.cursor);
    const period = POPULARITY_PERIODS.find((known) => known === fields.period) ?? 'week';
    const sort = browseSortOf(fields) ?? 'popular';
    // The form sends every field, empty ones and the period of an order without one too: the
    // address to share leaves them out.
    const plain = browseHref(fields, cursor);
    const shared = Object.values(query).some((value) => typeof value === 'string' && value.trim() === '');
    if (shared || (fields.period !== undefined && sort !== 'popular' && browseSortOf(fields) !== undefined))
      return seeOther(plain);
    try {
      const page = await browseFilms(this.queries, fields, cursor);
      return view(BrowseView, { fields, sort, period, page, paged: cursor !== undefined });
    } catch (error) {
      const failure = formFailureOf(error);
      return new PageResult(
        view(BrowseView, { fields, sort, period, page: null, paged: false, failure }),
        failure.status,
      );
    }
  }
}
