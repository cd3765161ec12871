import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { FilmLists } from '../../lists.response.js';
import { entryRankSql } from '../../projections/list-ranks.js';

/** The official lists a film is in now, with its rank in each, and how many ever included it. */
export class GetFilmLists extends Query<FilmLists> {
  constructor(readonly filmReference: string) {
    super();
  }
}

interface MembershipRow {
  readonly id: string;
  readonly title: string;
  readonly size: number;
  readonly ranked: boolean;
  readonly current: boolean;
  /** Null for a film that left the list. */
  readonly rank: number | null;
}

/** Official lists are public, so every reader sees the same answer. */
@QueryHandler(GetFilmLists)
export class GetFilmListsHandler implements IQueryHandler<GetFilmLists> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly films: FilmReferences,
  ) {}

  async execute({ filmReference }: GetFilmLists): Promise<FilmLists> {
    const filmId = await this.films.idOf(filmReference);
    // A film left a list when its entry has removed_at; the entry stays, so "ever" counts every row.
    const { rows } = await this.pool.query<MembershipRow>({
      name: 'film-official-lists',
      text: `SELECT list.id, list.title, list.size, list.ranked, entry.removed_at IS NULL AS current,
               CASE WHEN entry.removed_at IS NULL THEN ${entryRankSql('entry')} END AS rank
             FROM list_entries AS entry JOIN lists AS list ON list.id = entry.list_id
             WHERE entry.film_id = $1 AND list.kind = 'official' AND list.deleted_at IS NULL
             ORDER BY list.title, list.id`,
      values: [filmId],
    });
    const current = rows.filter((row) => row.current);
    return {
      currentCount: current.length,
      everCount: rows.length,
      items: current.map((row) => ({
        list: { id: row.id, title: row.title, size: row.size, official: true as const },
        rank: row.ranked ? row.rank : null,
      })),
    };
  }
}
