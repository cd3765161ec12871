import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import { CURSOR_MESSAGE, DEFAULT_PAGE_SIZE, type Page } from '../../../common/paging/index.js';
import { QUERY_POOL } from '../../../platform/database/database.module.js';
import { Members } from '../../social/members/members.js';
import { fromHalfStars } from '../../film-log/domain/rating.js';
import { decodeDiaryCursor, encodeDiaryCursor } from '../diary-cursor.js';
import type { DiaryEntry } from '../diary.response.js';

/** A member's diary, latest viewing first; `year` keeps the viewings of that calendar year. */
export class ListDiary extends Query<Page<DiaryEntry>> {
  constructor(
    readonly username: string,
    readonly filter: { readonly year?: number; readonly limit?: number; readonly cursor?: string },
  ) {
    super();
  }
}

interface DiaryRow {
  id: string;
  watched_on: string;
  logged_at: string;
  rewatch: boolean;
  rating_half_stars: number | null;
  film_id: string;
  slug: string;
  title: string;
  year: number | null;
  review_id: string | null;
}

@QueryHandler(ListDiary)
export class ListDiaryHandler implements IQueryHandler<ListDiary> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly members: Members,
  ) {}

  async execute({ username, filter }: ListDiary): Promise<Page<DiaryEntry>> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    const from = filter.cursor === undefined ? null : decodeDiaryCursor(filter.cursor);
    if (filter.cursor !== undefined && from === null) {
      throw new InvalidInputException([{ field: 'cursor', message: CURSOR_MESSAGE }]);
    }
    const memberId = (await this.members.byUsername(username)).id;
    const { rows } = await this.pool.query<DiaryRow>({
      name: 'diary-of-member',
      text: `SELECT entry.id, entry.watched_on::text, entry.rewatch, entry.rating_half_stars,
                    to_char(entry.logged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS logged_at,
                    films.id AS film_id, films.slug, films.title, films.year,
                    (SELECT review.id FROM reviews AS review
                      WHERE review.diary_entry_id = entry.id
                        AND NOT review.hidden AND review.deleted_at IS NULL
                      LIMIT 1) AS review_id
             FROM diary_entries AS entry
             JOIN films ON films.id = entry.film_id
             WHERE entry.user_id = $1
               AND ($2::int IS NULL OR (entry.watched_on >= make_date($2, 1, 1)
                                        AND entry.watched_on < make_date($2 + 1, 1, 1)))
               AND ($3::date IS NULL
                    OR (entry.watched_on, entry.logged_at, entry.id) < ($3, $4::timestamptz, $5::uuid))
             ORDER BY entry.watched_on DESC, entry.logged_at DESC, entry.id DESC
             LIMIT $6`,
      values: [
        memberId,
        filter.year ?? null,
        from?.watchedOn ?? null,
        from?.loggedAt ?? null,
        from?.id ?? null,
        limit + 1,
      ],
    });
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: shown.map((row) => ({
        id: row.id,
        film: { id: row.film_id, slug: row.slug, title: row.title, year: row.year },
        watchedOn: row.watched_on,
        rewatch: row.rewatch,
        rating: fromHalfStars(row.rating_half_stars),
        review: row.review_id === null ? null : { id: row.review_id },
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeDiaryCursor({ watchedOn: last.watched_on, loggedAt: last.logged_at, id: last.id })
          : null,
    };
  }
}
