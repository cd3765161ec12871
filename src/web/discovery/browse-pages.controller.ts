import { Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DEFAULT_PAGE_SIZE } from '../../common/paging/index.js';
import { PopularFilms } from '../../modules/discovery/queries/popular-films/popular-films.query.js';
import { PopularFilmsRequest } from '../../modules/discovery/queries/popular-films/popular-films.request.js';
import { POPULARITY_PERIODS } from '../../modules/discovery/domain/popularity-period.js';
import { filledText, formFailureOf, formInput } from '../http/forms.js';
import { PageResult, WebPages, seeOther, view } from '../http/web-page.js';
import { BROWSE_FIELDS, BrowseView, browseHref, type BrowseFields } from './browse-views.js';

/** Browsing films by popularity: the same query and rules as GET /api/v1/films/popular, as a page. */
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
    // The form sends every field, empty ones too: the address to share leaves them out.
    if (Object.values(query).some((value) => typeof value === 'string' && value.trim() === ''))
      return seeOther(browseHref(fields, cursor));
    try {
      const input = await formInput(PopularFilmsRequest, cursor ? { ...fields, cursor } : fields);
      const page = await this.queries.execute(
        new PopularFilms({
          ...input,
          period: input.period ?? 'week',
          limit: input.limit ?? DEFAULT_PAGE_SIZE,
        }),
      );
      return view(BrowseView, { fields, period: input.period ?? 'week', page, paged: cursor !== undefined });
    } catch (error) {
      const failure = formFailureOf(error);
      const shown = POPULARITY_PERIODS.find((known) => known === fields.period) ?? 'week';
      return new PageResult(
        view(BrowseView, { fields, period: shown, page: null, paged: false, failure }),
        failure.status,
      );
    }
  }
}
