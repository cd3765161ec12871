import { Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { SearchLists } from '../../modules/lists/queries/search-lists/search-lists.query.js';
import {
  LIST_SORTS,
  SearchListsRequest,
  type ListSort,
} from '../../modules/lists/queries/search-lists/search-lists.request.js';
import { filledText, formFailureOf, formInput } from '../http/forms.js';
import { PageResult, WebPages, view } from '../http/web-page.js';
import type { WebRequest } from '../http/web-request.js';
import { LIST_KINDS, ListsIndexView, type ListKind } from './lists-index-views.js';

/**
 * The lists index: the same query as GET /api/v1/lists (public lists, the reader's progress on
 * each); members' lists newest or most viewed first.
 */
@WebPages('browse/lists')
export class ListsIndexController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  async index(@Query() query: Record<string, unknown>, @Req() request: WebRequest) {
    const kind: ListKind = LIST_KINDS.find((shelf) => shelf === query.kind) ?? 'official';
    const q = filledText(query.q);
    const cursor = filledText(query.cursor);
    const asked = kind === 'personal' ? filledText(query.sort) : undefined;
    const sort: ListSort = LIST_SORTS.find((order) => order === asked) ?? 'recent';
    try {
      const search = await formInput(SearchListsRequest, {
        official: kind === 'official' ? 'true' : 'false',
        ...(q === undefined ? {} : { q }),
        ...(asked === undefined ? {} : { sort: asked }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      const page = await this.queries.execute(new SearchLists(request.reader?.id ?? null, search));
      return view(ListsIndexView, { kind, q, sort, page, paged: cursor !== undefined });
    } catch (error) {
      const failure = formFailureOf(error);
      return new PageResult(
        view(ListsIndexView, { kind, q, sort, page: null, paged: false, failure }),
        failure.status,
      );
    }
  }
}
