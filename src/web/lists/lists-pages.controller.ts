import { Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetList } from '../../modules/lists/queries/get-list/get-list.query.js';
import { ListItemsPageRequest } from '../../modules/lists/queries/get-list/list-items-page.request.js';
import { formInput } from '../http/forms.js';
import { WebPages, view } from '../http/web-page.js';
import type { WebRequest } from '../http/web-request.js';
import { listHref, listLayout, ListView } from './list-views.js';

/** Films per page of a list: long official lists (1,001 films) come in pages of this many. */
export const LIST_ITEMS_PER_PAGE = 100;

@WebPages('list')
export class ListPagesController {
  constructor(private readonly queries: QueryBus) {}

  /** The same query as GET /api/v1/lists/:id: who may see the list is the module's rule (else 404). */
  @Get(':id')
  async list(
    @Param('id') id: string,
    @Query('cursor') cursor: unknown,
    @Query('view') shown: unknown,
    @Req() request: WebRequest,
  ) {
    const page = await formInput(ListItemsPageRequest, {
      limit: String(LIST_ITEMS_PER_PAGE),
      ...(cursor === undefined ? {} : { cursor }),
    });
    const list = await this.queries.execute(new GetList(id, request.reader?.id ?? null, page));
    const layout = listLayout(list.ranked, shown);
    const here = listHref(list.id, layout);
    return view(ListView, {
      list,
      layout,
      firstHref: page.cursor === undefined ? null : here,
      nextHref: list.nextCursor === null ? null : listHref(list.id, layout, list.nextCursor),
    });
  }
}
