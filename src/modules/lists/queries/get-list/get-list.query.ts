import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DEFAULT_PAGE_SIZE } from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { isUuid } from '../../../../common/uuid.js';
import { posterOf, type PosterColumns } from '../../../catalog/posters/poster.js';
import { ListNotFoundException } from '../../list-errors.js';
import type { ListDetail, ListItem } from '../../lists.response.js';
import { LIST_SUMMARY_COLUMNS, listSummaryJoins, toListSummary, type ListSummaryRow } from '../list-rows.js';
import { visibleListCondition } from '../list-visibility.js';
import { decodeItemCursor, encodeItemCursor, type ListItemsPageRequest } from './list-items-page.request.js';

/** One list with a page of its items in rank order, and the reader's progress. */
export class GetList extends Query<ListDetail> {
  constructor(
    readonly listId: string,
    readonly readerId: string | null,
    readonly page: ListItemsPageRequest,
  ) {
    super();
  }
}

interface ListDetailRow extends ListSummaryRow {
  readonly description: string | null;
  readonly edition: number;
}

interface ItemRow {
  readonly position: string;
  readonly rank: number;
  readonly note: string | null;
  readonly film_id: string;
  readonly slug: string;
  readonly film_title: string;
  readonly year: number | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly variant_keys: PosterColumns['variant_keys'] | null;
}

@QueryHandler(GetList)
export class GetListHandler implements IQueryHandler<GetList> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ listId, readerId, page }: GetList): Promise<ListDetail> {
    if (!isUuid(listId)) throw new ListNotFoundException();
    const { rows } = await this.pool.query<ListDetailRow>({
      name: 'list-detail',
      text: `SELECT ${LIST_SUMMARY_COLUMNS}, list.description, list.edition
             FROM lists AS list ${listSummaryJoins('$2::uuid')}
             WHERE list.id = $1 AND list.deleted_at IS NULL AND ${visibleListCondition('list', '$2::uuid')}`,
      values: [listId, readerId],
    });
    const row = rows[0];
    if (!row) throw new ListNotFoundException();
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    // '' sorts before every key in byte order: the first page.
    const after = page.cursor === undefined ? '' : (decodeItemCursor(page.cursor) ?? '');
    const items = await this.items(row.id, after, limit);
    const shown = items.slice(0, limit);
    const last = shown.at(-1);
    return {
      ...toListSummary(readerId !== null)(row),
      description: row.description,
      edition: row.edition,
      items: shown.map((item) => toListItem(item, row.ranked)),
      nextCursor: items.length > limit && last ? encodeItemCursor(last.position) : null,
    };
  }

  /**
   * A page of current entries after a key; a rank is 1 + the current entries before it, counted
   * once for the page (an index range) and carried on by row number.
   */
  private async items(listId: string, after: string, limit: number): Promise<ItemRow[]> {
    const { rows } = await this.pool.query<ItemRow>({
      name: 'list-items',
      text: `WITH page AS (
               SELECT entry.film_id, entry.position, entry.note FROM list_entries AS entry
               WHERE entry.list_id = $1 AND entry.removed_at IS NULL AND entry.position > $2::text COLLATE "C"
               ORDER BY entry.position LIMIT $3),
             before AS (
               SELECT count(*)::int AS n FROM list_entries AS entry
               WHERE entry.list_id = $1 AND entry.removed_at IS NULL AND entry.position <= $2::text COLLATE "C")
             SELECT page.position, page.note, (before.n + row_number() OVER (ORDER BY page.position))::int AS rank,
                    film.id AS film_id, film.slug, film.title AS film_title, film.year,
                    poster.width, poster.height, poster.variant_keys
             FROM page CROSS JOIN before JOIN films AS film ON film.id = page.film_id
             LEFT JOIN film_posters AS poster ON poster.film_id = film.id
             ORDER BY page.position`,
      values: [listId, after, limit + 1],
    });
    return rows;
  }
}

const toListItem = (row: ItemRow, ranked: boolean): ListItem => ({
  ...(ranked ? { rank: row.rank } : {}),
  film: {
    id: row.film_id,
    slug: row.slug,
    title: row.film_title,
    year: row.year,
    poster:
      row.variant_keys === null || row.width === null || row.height === null
        ? null
        : posterOf({ width: row.width, height: row.height, variant_keys: row.variant_keys }),
  },
  ...(row.note === null ? {} : { note: row.note }),
});
