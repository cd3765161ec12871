import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import type { SignedInUser } from '../../../common/auth/index.js';
import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import { CURSOR_MESSAGE, DEFAULT_PAGE_SIZE, type Page } from '../../../common/paging/index.js';
import { isUuid } from '../../../common/uuid.js';
import { QUERY_POOL } from '../../../platform/database/database.module.js';
import { FilmReferences } from '../../catalog/films/film-references.js';
import { TextViewers } from '../../reportable/text-viewers.js';
import { ReviewNotFoundException } from '../commands/review.commands.js';
import type { ReviewSort } from '../reviews.requests.js';
import type { ReviewDetail, ReviewItem } from '../reviews.response.js';
import { decodeReviewCursor, encodeReviewCursor } from './review-cursor.js';
import { REVIEW_COLUMNS, toReviewItem, type ReviewRow } from './review-rows.js';

/** A film's visible reviews, recent or popular first; moderators see the hidden ones too, marked. */
export class ListFilmReviews extends Query<Page<ReviewItem>> {
  constructor(
    readonly filmReference: string,
    readonly reader: SignedInUser | undefined,
    readonly page: {
      readonly sort?: ReviewSort;
      readonly limit?: number;
      readonly cursor?: string;
      readonly showSpoilers: boolean;
    },
  ) {
    super();
  }
}

/** The keyset condition and order of each sort; both are served by a partial index of their own. */
const ORDER: Record<ReviewSort, { after: string; by: string }> = {
  recent: {
    // The likes are in the cursor of both sorts; this order has no use for them.
    after: '(review.created_at, review.id) < ($3::timestamptz, $4::uuid) AND $2::int IS NOT NULL',
    by: 'review.created_at DESC, review.id DESC',
  },
  popular: {
    after: '(review.likes, review.created_at, review.id) < ($2::int, $3::timestamptz, $4::uuid)',
    by: 'review.likes DESC, review.created_at DESC, review.id DESC',
  },
};

@QueryHandler(ListFilmReviews)
export class ListFilmReviewsHandler implements IQueryHandler<ListFilmReviews> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly films: FilmReferences,
    private readonly viewers: TextViewers,
  ) {}

  async execute({ filmReference, reader, page }: ListFilmReviews): Promise<Page<ReviewItem>> {
    const sort = page.sort ?? 'recent';
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const from = page.cursor === undefined ? null : decodeReviewCursor(page.cursor, sort);
    if (page.cursor !== undefined && from === null) {
      throw new InvalidInputException([{ field: 'cursor', message: CURSOR_MESSAGE }]);
    }
    const filmId = await this.films.idOf(filmReference);
    // Members' pages keep to the visible reviews, which a partial index serves; a moderator's
    // reads every review the film has.
    const moderates = (await this.viewers.ofReader(reader))?.moderates ?? false;
    const { rows } = await this.pool.query<ReviewRow>({
      name: `film-reviews-${sort}${moderates ? '-moderated' : ''}`,
      text: `SELECT ${REVIEW_COLUMNS}
             FROM reviews AS review
             JOIN accounts AS author ON author.id = review.author_id
             WHERE review.film_id = $1 AND review.deleted_at IS NULL
               ${moderates ? '' : 'AND NOT review.hidden'}
               AND ($4::uuid IS NULL OR ${ORDER[sort].after})
             ORDER BY ${ORDER[sort].by}
             LIMIT $5`,
      values: [filmId, from?.likes ?? 0, from?.at ?? null, from?.id ?? null, limit + 1],
    });
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: shown.map((row) => toReviewItem(row, page.showSpoilers)),
      nextCursor:
        rows.length > limit && last
          ? encodeReviewCursor({ sort, likes: last.likes, at: last.cursor_at, id: last.id })
          : null,
    };
  }
}

/** One review with its film; a deleted one, or a hidden one the reader may not see, does not exist. */
export class GetReview extends Query<ReviewDetail> {
  constructor(
    readonly reviewId: string,
    readonly reader: SignedInUser | undefined,
    readonly showSpoilers: boolean,
  ) {
    super();
  }
}

interface ReviewDetailRow extends ReviewRow {
  readonly film_id: string;
  readonly slug: string;
  readonly title: string;
}

@QueryHandler(GetReview)
export class GetReviewHandler implements IQueryHandler<GetReview> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly viewers: TextViewers,
  ) {}

  async execute({ reviewId, reader, showSpoilers }: GetReview): Promise<ReviewDetail> {
    if (!isUuid(reviewId)) throw new ReviewNotFoundException();
    const { rows } = await this.pool.query<ReviewDetailRow>({
      name: 'review-by-id',
      text: `SELECT ${REVIEW_COLUMNS}, film.id AS film_id, film.slug, film.title
             FROM reviews AS review
             JOIN accounts AS author ON author.id = review.author_id
             JOIN films AS film ON film.id = review.film_id
             WHERE review.id = $1 AND review.deleted_at IS NULL`,
      values: [reviewId],
    });
    const row = rows[0];
    if (!row || !(await this.viewers.see({ hidden: row.hidden, authorId: row.author_id }, reader)))
      throw new ReviewNotFoundException();
    return {
      ...toReviewItem(row, showSpoilers),
      film: { id: row.film_id, slug: row.slug, title: row.title },
    };
  }
}
