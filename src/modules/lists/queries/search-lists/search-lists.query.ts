import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { pageOf, pageWindow, type Page } from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { ListSummary } from '../../lists.response.js';
import { LIST_SUMMARY_COLUMNS, listSummaryJoins, toListSummary, type ListSummaryRow } from '../list-rows.js';
import type { SearchListsRequest } from './search-lists.request.js';

/** Public lists (every official list is one), newest first. */
export class SearchLists extends Query<Page<ListSummary>> {
  constructor(
    readonly readerId: string | null,
    readonly search: SearchListsRequest,
  ) {
    super();
  }
}

/**
 * Case and accents do not matter: both sides lose their combining marks after NFKD and are
 * lowercased, in JS for the words and in SQL for the titles.
 */
export const searchWords = (q: string | undefined): string[] =>
  (q ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/u)
    .filter((word) => word !== '');

const FOLDED_TITLE = `regexp_replace(normalize(lower(list.title), NFKD), '[\\u0300-\\u036f]', '', 'g')`;

@QueryHandler(SearchLists)
export class SearchListsHandler implements IQueryHandler<SearchLists> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ readerId, search }: SearchLists): Promise<Page<ListSummary>> {
    const window = pageWindow(search);
    const official = search.official === undefined ? null : search.official === 'true';
    const { rows } = await this.pool.query<ListSummaryRow>({
      name: 'lists-public',
      text: `SELECT ${LIST_SUMMARY_COLUMNS}
             FROM lists AS list ${listSummaryJoins('$4::uuid')}
             WHERE list.deleted_at IS NULL AND list.visibility = 'public'
               AND ($5::boolean IS NULL OR (list.kind = 'official') = $5::boolean)
               AND NOT EXISTS (SELECT 1 FROM unnest($6::text[]) AS word
                               WHERE strpos(${FOLDED_TITLE}, word) = 0)
               AND (list.created_at, list.id) < ($1::timestamptz, $2::uuid)
             ORDER BY list.created_at DESC, list.id DESC LIMIT $3`,
      values: [window.from.at, window.from.id, window.limit + 1, readerId, official, searchWords(search.q)],
    });
    return pageOf(rows, window.limit, toListSummary(readerId !== null));
  }
}
