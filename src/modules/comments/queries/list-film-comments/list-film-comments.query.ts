import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import type { SignedInUser } from '../../../../common/auth/index.js';
import {
  FIRST_PAGE,
  pageOf,
  pageWindow,
  type Page,
  type PageRequest,
} from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { CommentItem } from '../../comments.response.js';
import { TextViewers } from '../../../reportable/text-viewers.js';
import { COMMENT_COLUMNS, toCommentItem, type CommentRow } from '../comment-rows.js';

/** A film's comments, oldest first: the visible ones, and hidden ones the reader may see. */
export class ListFilmComments extends Query<Page<CommentItem>> {
  constructor(
    readonly filmReference: string,
    readonly reader: SignedInUser | undefined,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** Before every comment in oldest-first order. */
const OLDEST = { at: '-infinity', id: '00000000-0000-0000-0000-000000000000' };

@QueryHandler(ListFilmComments)
export class ListFilmCommentsHandler implements IQueryHandler<ListFilmComments> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly films: FilmReferences,
    private readonly viewers: TextViewers,
  ) {}

  async execute({ filmReference, reader, page }: ListFilmComments): Promise<Page<CommentItem>> {
    const window = pageWindow(page);
    // The cursors are the usual (time, id) keyset, read in the other direction.
    const from = window.from === FIRST_PAGE ? OLDEST : window.from;
    const filmId = await this.films.idOf(filmReference);
    const viewer = await this.viewers.ofReader(reader);
    const { rows } = await this.pool.query<CommentRow>({
      name: 'comments-of-film',
      text: `SELECT ${COMMENT_COLUMNS}
             FROM comments AS comment JOIN accounts AS author ON author.id = comment.author_id
             WHERE comment.film_id = $1 AND comment.deleted_at IS NULL
               AND (comment.created_at, comment.id) > ($2::timestamptz, $3::uuid)
               AND (NOT comment.hidden OR $5::boolean OR comment.author_id = $6::uuid)
             ORDER BY comment.created_at, comment.id LIMIT $4`,
      values: [filmId, from.at, from.id, window.limit + 1, viewer?.moderates ?? false, viewer?.id ?? null],
    });
    return pageOf(rows, window.limit, toCommentItem);
  }
}
