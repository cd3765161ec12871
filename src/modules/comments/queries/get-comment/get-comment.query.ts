import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import type { SignedInUser } from '../../../../common/auth/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { isUuid } from '../../../../common/uuid.js';
import { CommentNotFoundException } from '../../comment-errors.js';
import type { CommentDetail } from '../../comments.response.js';
import { TextViewers } from '../../../reportable/text-viewers.js';
import { COMMENT_COLUMNS, toCommentItem, type CommentRow } from '../comment-rows.js';

/** One comment with its film; a deleted one, or a hidden one the reader may not see, does not exist. */
export class GetComment extends Query<CommentDetail> {
  constructor(
    readonly commentId: string,
    readonly reader: SignedInUser | undefined,
  ) {
    super();
  }
}

interface CommentDetailRow extends CommentRow {
  readonly film_id: string;
  readonly slug: string;
  readonly title: string;
}

@QueryHandler(GetComment)
export class GetCommentHandler implements IQueryHandler<GetComment> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly viewers: TextViewers,
  ) {}

  async execute({ commentId, reader }: GetComment): Promise<CommentDetail> {
    if (!isUuid(commentId)) throw new CommentNotFoundException();
    const { rows } = await this.pool.query<CommentDetailRow>({
      name: 'comment-by-id',
      text: `SELECT ${COMMENT_COLUMNS}, film.id AS film_id, film.slug, film.title
             FROM comments AS comment
             JOIN accounts AS author ON author.id = comment.author_id
             JOIN films AS film ON film.id = comment.film_id
             WHERE comment.id = $1 AND comment.deleted_at IS NULL`,
      values: [commentId],
    });
    const row = rows[0];
    if (!row || !(await this.viewers.see({ hidden: row.hidden, authorId: row.author_id }, reader)))
      throw new CommentNotFoundException();
    return { ...toCommentItem(row), film: { id: row.film_id, slug: row.slug, title: row.title } };
  }
}
