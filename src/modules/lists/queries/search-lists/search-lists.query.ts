import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../../common/invalid-input.exception.js';
import {
  CURSOR_MESSAGE,
  DEFAULT_PAGE_SIZE,
  decodeCursorFields,
  encodeCursorFields,
  encodeTimeCursor,
  pageWindow,
  type Page,
} from '../../../../common/paging/index.js';
import { isCanonicalUuid } from '../../../../common/uuid.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { PublicListSummary } from '../../lists.response.js';
import { LIST_SUMMARY_COLUMNS, listSummaryJoins, toListSummary, type ListSummaryRow } from '../list-rows.js';
import type { SearchListsRequest } from './search-lists.request.js';

/** Public lists (every official list is one), newest first or most viewed first. */
export class SearchLists extends Query<Page<PublicListSummary>> {
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

/** The lists every order reads: public, of the kind asked for, holding each word of q. */
const PUBLIC_LISTS = `FROM lists AS list ${listSummaryJoins('$1::uuid')}
  WHERE list.deleted_at IS NULL AND list.visibility = 'public'
    AND ($2::boolean IS NULL OR (list.kind = 'official') = $2::boolean)
    AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]) AS word WHERE strpos(${FOLDED_TITLE}, word) = 0)`;

/** Where a page of the most viewed starts: after the last list's viewers and id. */
interface ViewersCursor {
  readonly viewers: number;
  readonly id: string;
}

const VIEWERS_CURSOR = 'viewers';
/** Before every list, so the first page is the same statement as the others. */
const MOST_VIEWED: ViewersCursor = { viewers: 2_147_483_647, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

function viewersCursorOf(cursor: string | undefined): ViewersCursor {
  if (cursor === undefined) return MOST_VIEWED;
  const [kind, viewers, id] = decodeCursorFields(cursor, 200) ?? [];
  if (kind !== VIEWERS_CURSOR || !Number.isInteger(viewers) || !isCanonicalUuid(id))
    throw new InvalidInputException([{ field: 'cursor', message: CURSOR_MESSAGE }]);
  return { viewers: viewers as number, id };
}

type PublicListRow = ListSummaryRow & { readonly viewers: number };

@QueryHandler(SearchLists)
export class SearchListsHandler implements IQueryHandler<SearchLists> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ readerId, search }: SearchLists): Promise<Page<PublicListSummary>> {
    const official = search.official === undefined ? null : search.official === 'true';
    const common = [readerId, official, searchWords(search.q)];
    const limit = search.limit ?? DEFAULT_PAGE_SIZE;
    let rows: PublicListRow[];
    if (search.sort === 'popular') {
      const from = viewersCursorOf(search.cursor);
      ({ rows } = await this.pool.query<PublicListRow>({
        name: 'lists-public-viewed',
        text: `SELECT ${LIST_SUMMARY_COLUMNS}, list.viewers ${PUBLIC_LISTS}
                 AND (list.viewers, list.id) < ($4::int, $5::uuid)
               ORDER BY list.viewers DESC, list.id DESC LIMIT $6`,
        values: [...common, from.viewers, from.id, limit + 1],
      }));
    } else {
      const { from } = pageWindow(search);
      ({ rows } = await this.pool.query<PublicListRow>({
        name: 'lists-public',
        text: `SELECT ${LIST_SUMMARY_COLUMNS}, list.viewers ${PUBLIC_LISTS}
                 AND (list.created_at, list.id) < ($4::timestamptz, $5::uuid)
               ORDER BY list.created_at DESC, list.id DESC LIMIT $6`,
        values: [...common, from.at, from.id, limit + 1],
      }));
    }
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    const summary = toListSummary(readerId !== null);
    return {
      items: shown.map((row) => ({ ...summary(row), viewers: row.viewers })),
      nextCursor:
        rows.length > limit && last
          ? search.sort === 'popular'
            ? encodeCursorFields([VIEWERS_CURSOR, last.viewers, last.id])
            : encodeTimeCursor({ at: last.cursor_at, id: last.cursor_id })
          : null,
    };
  }
}
