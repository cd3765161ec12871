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

const TITLE_HOLDS_WORDS = (words: string): string =>
  `NOT EXISTS (SELECT 1 FROM unnest(${words}::text[]) AS word WHERE strpos(${FOLDED_TITLE}, word) = 0)`;

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

const KINDS = ['official', 'personal'] as const;

/**
 * Most viewed first. Each kind is read from its own range of lists_public_viewers_idx and the
 * ranges merged, so a page is a seek whether one kind is asked for or both (a kind compared with
 * a parameter would leave a prepared plan sorting every public list).
 */
function mostViewedStatement(kinds: readonly (typeof KINDS)[number][]) {
  const ofKind = (kind: string) => `(
    SELECT ${LIST_SUMMARY_COLUMNS}, list.viewers FROM lists AS list ${listSummaryJoins('$1::uuid')}
     WHERE list.deleted_at IS NULL AND list.visibility = 'public' AND list.kind = '${kind}'
       AND ${TITLE_HOLDS_WORDS('$2')} AND (list.viewers, list.id) < ($3::int, $4::uuid)
     ORDER BY list.viewers DESC, list.id DESC LIMIT $5)`;
  return {
    name: `lists-public-viewed-${kinds.join('-')}`,
    text: `SELECT * FROM (${kinds.map(ofKind).join(' UNION ALL ')}) AS viewed
           ORDER BY viewed.viewers DESC, viewed.id DESC LIMIT $5`,
  };
}

@QueryHandler(SearchLists)
export class SearchListsHandler implements IQueryHandler<SearchLists> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ readerId, search }: SearchLists): Promise<Page<PublicListSummary>> {
    const official = search.official === undefined ? null : search.official === 'true';
    const words = searchWords(search.q);
    const limit = search.limit ?? DEFAULT_PAGE_SIZE;
    let rows: PublicListRow[];
    if (search.sort === 'popular') {
      const from = viewersCursorOf(search.cursor);
      const kinds = official === null ? KINDS : [official ? ('official' as const) : ('personal' as const)];
      ({ rows } = await this.pool.query<PublicListRow>({
        ...mostViewedStatement(kinds),
        values: [readerId, words, from.viewers, from.id, limit + 1],
      }));
    } else {
      const { from } = pageWindow(search);
      ({ rows } = await this.pool.query<PublicListRow>({
        name: 'lists-public',
        text: `SELECT ${LIST_SUMMARY_COLUMNS}, list.viewers
               FROM lists AS list ${listSummaryJoins('$4::uuid')}
               WHERE list.deleted_at IS NULL AND list.visibility = 'public'
                 AND ($5::boolean IS NULL OR (list.kind = 'official') = $5::boolean)
                 AND ${TITLE_HOLDS_WORDS('$6')}
                 AND (list.created_at, list.id) < ($1::timestamptz, $2::uuid)
               ORDER BY list.created_at DESC, list.id DESC LIMIT $3`,
        values: [from.at, from.id, limit + 1, readerId, official, words],
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
