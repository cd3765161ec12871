import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  cursorColumns,
  pageOf,
  pageWindow,
  type CursorRow,
  type Page,
  type PageRequest,
} from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { FriendCheck } from '../../activity.response.js';

/** The members the reader follows who checked a film, with their marks; latest check first. */
export class GetFriendsWhoChecked extends Query<Page<FriendCheck>> {
  constructor(
    readonly readerId: string,
    readonly filmReference: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

interface FriendRow extends CursorRow {
  readonly user_id: string;
  readonly username: string;
  readonly checked_at: Date;
  readonly favourite: boolean;
  readonly disliked: boolean;
}

const toFriendCheck = (row: FriendRow): FriendCheck => ({
  user: { id: row.user_id, username: row.username },
  checkedAt: row.checked_at.toISOString(),
  favourite: row.favourite,
  disliked: row.disliked,
});

/**
 * The page first, then the usernames of its rows only. The planner chooses per film: a primary-key
 * probe of user_film_state per followee for a film many have checked, the film's few checks for a
 * rare one; so the statement is not prepared by name, whose generic plan would pick one for all.
 */
const FRIENDS = `
  WITH page AS (
    SELECT state.user_id, state.checked_at, state.favourite, state.disliked
    FROM follows
    JOIN user_film_state AS state ON state.user_id = follows.followee_id AND state.film_id = $2
    WHERE follows.follower_id = $1 AND state.checked
      AND (state.checked_at, state.user_id) < ($3::timestamptz, $4::uuid)
    ORDER BY state.checked_at DESC, state.user_id DESC
    LIMIT $5
  )
  SELECT page.user_id, accounts.username, page.checked_at, page.favourite, page.disliked,
         ${cursorColumns('page.checked_at', 'page.user_id')}
  FROM page JOIN accounts ON accounts.id = page.user_id
  ORDER BY page.checked_at DESC, page.user_id DESC`;

@QueryHandler(GetFriendsWhoChecked)
export class GetFriendsWhoCheckedHandler implements IQueryHandler<GetFriendsWhoChecked> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly films: FilmReferences,
  ) {}

  async execute({ readerId, filmReference, page }: GetFriendsWhoChecked): Promise<Page<FriendCheck>> {
    const { limit, from } = pageWindow(page);
    const filmId = await this.films.idOf(filmReference);
    const { rows } = await this.pool.query<FriendRow>(FRIENDS, [
      readerId,
      filmId,
      from.at,
      from.id,
      limit + 1,
    ]);
    return pageOf(rows, limit, toFriendCheck);
  }
}
