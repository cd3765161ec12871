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
import type { MemberFavourite, MemberWatchlistEntry } from '../../activity.response.js';
import { Members } from '../../../social/members/members.js';
import { AFTER_CURSOR, FILM_COLUMNS, toFilmRef, type FilmRow } from '../activity-rows.js';

/** A member's favourite films, latest favourited first. */
export class GetMemberFavourites extends Query<Page<MemberFavourite>> {
  constructor(
    readonly username: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** A member's watchlist, latest added first. */
export class GetMemberWatchlist extends Query<Page<MemberWatchlistEntry>> {
  constructor(
    readonly username: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

interface MarkRow extends FilmRow, CursorRow {
  readonly occurred_at: Date;
}

/** The films on which a member's mark stands, from the activity rows that put each one up. */
const MARKS = `
  WITH page AS (
    SELECT event_id, film_id, occurred_at FROM activity
    WHERE actor_id = $1 AND verb = $2 AND ${AFTER_CURSOR('$3', '$4')}
    ORDER BY occurred_at DESC, event_id DESC LIMIT $5
  )
  SELECT ${FILM_COLUMNS}, page.occurred_at, ${cursorColumns('page.occurred_at', 'page.event_id')}
  FROM page JOIN films ON films.id = page.film_id
  ORDER BY page.occurred_at DESC, page.event_id DESC`;

/** Reads one mark's list for both handlers. */
abstract class MarkedFilms {
  constructor(
    private readonly pool: pg.Pool,
    private readonly members: Members,
  ) {}

  protected async markedFilms<Item>(
    username: string,
    verb: 'favourited' | 'watchlisted',
    page: PageRequest,
    toItem: (row: MarkRow) => Item,
  ): Promise<Page<Item>> {
    const { limit, from } = pageWindow(page);
    const actorId = (await this.members.byUsername(username)).id;
    const { rows } = await this.pool.query<MarkRow>({
      name: 'activity-member-marks',
      text: MARKS,
      values: [actorId, verb, from.at, from.id, limit + 1],
    });
    return pageOf(rows, limit, toItem);
  }
}

@QueryHandler(GetMemberFavourites)
export class GetMemberFavouritesHandler extends MarkedFilms implements IQueryHandler<GetMemberFavourites> {
  constructor(@Inject(QUERY_POOL) pool: pg.Pool, members: Members) {
    super(pool, members);
  }

  execute({ username, page }: GetMemberFavourites): Promise<Page<MemberFavourite>> {
    return this.markedFilms(username, 'favourited', page, (row) => ({
      film: toFilmRef(row),
      favouritedAt: row.occurred_at.toISOString(),
    }));
  }
}

@QueryHandler(GetMemberWatchlist)
export class GetMemberWatchlistHandler extends MarkedFilms implements IQueryHandler<GetMemberWatchlist> {
  constructor(@Inject(QUERY_POOL) pool: pg.Pool, members: Members) {
    super(pool, members);
  }

  execute({ username, page }: GetMemberWatchlist): Promise<Page<MemberWatchlistEntry>> {
    return this.markedFilms(username, 'watchlisted', page, (row) => ({
      film: toFilmRef(row),
      addedAt: row.occurred_at.toISOString(),
    }));
  }
}
