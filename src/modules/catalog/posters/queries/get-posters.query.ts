import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { posterOf, type Poster, type PosterColumns } from '../poster.js';

/** Films' posters by film id; a film without one is not in the map. */
export type PosterMap = ReadonlyMap<string, Poster>;

/**
 * The posters of the films a page shows, in one statement: for pages whose rows name films by
 * reference only (activity, marks, festival programmes), so their API shapes stay as the contract has them.
 */
export class GetPosters extends Query<PosterMap> {
  constructor(readonly filmIds: readonly string[]) {
    super();
  }
}

const POSTERS = `
  SELECT film_id, width, height, variant_keys FROM film_posters WHERE film_id = ANY($1::uuid[])`;

@QueryHandler(GetPosters)
export class GetPostersHandler implements IQueryHandler<GetPosters> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ filmIds }: GetPosters): Promise<PosterMap> {
    const ids = [...new Set(filmIds)];
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<PosterColumns & { film_id: string }>({
      name: 'catalog-posters-of-films',
      text: POSTERS,
      values: [ids],
    });
    return new Map(rows.map((row) => [row.film_id, posterOf(row)]));
  }
}
