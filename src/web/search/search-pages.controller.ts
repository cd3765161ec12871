import { Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DEFAULT_PAGE_SIZE } from '../../common/paging/index.js';
import { SearchFilms } from '../../modules/catalog/queries/search-films/search-films.query.js';
import { SearchFilmsRequest } from '../../modules/catalog/queries/search-films/search-films.request.js';
import { filledText, formFailureOf, formInput } from '../http/forms.js';
import { PageResult, WebPages, seeOther, view } from '../http/web-page.js';
import { SEARCH_FIELDS, SearchView, searchHref, type SearchFields } from './search-views.js';

/** What the reader typed, as text, to fill the form again whatever its validity. */
function fieldsOf(query: Record<string, unknown>): SearchFields {
  const fields: Record<string, string> = {};
  for (const name of SEARCH_FIELDS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') fields[name] = value.trim();
  }
  return fields;
}

/** The film search: the catalogue's own query and its rules (GET /api/v1/films), as a page. */
@WebPages()
export class SearchPagesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('search')
  async search(@Query() query: Record<string, unknown>) {
    const fields = fieldsOf(query);
    const cursor = filledText(query.cursor);
    // The form sends every field, empty ones too: the address to share and bookmark leaves them out.
    if (Object.values(query).some((value) => typeof value === 'string' && value.trim() === ''))
      return seeOther(searchHref(fields, cursor));
    try {
      const input = await formInput(SearchFilmsRequest, cursor ? { ...fields, cursor } : fields);
      const page = await this.queries.execute(
        new SearchFilms({ ...input, limit: input.limit ?? DEFAULT_PAGE_SIZE }),
      );
      return view(SearchView, { fields, page, paged: cursor !== undefined });
    } catch (error) {
      const failure = formFailureOf(error);
      return new PageResult(view(SearchView, { fields, page: null, paged: false, failure }), failure.status);
    }
  }
}
