import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';

export interface FestivalSummary {
  readonly slug: string;
  readonly name: string;
  /** Newest first. */
  readonly editions: readonly { readonly year: number; readonly startsOn: string; readonly endsOn: string }[];
}

export interface FestivalList {
  readonly items: readonly FestivalSummary[];
}

/** Every festival with its editions; short, so unpaged. */
export class ListFestivals extends Query<FestivalList> {}

@QueryHandler(ListFestivals)
export class ListFestivalsHandler implements IQueryHandler<ListFestivals> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute(): Promise<FestivalList> {
    const { rows } = await this.pool.query<FestivalSummary>({
      name: 'festivals-list',
      text: `SELECT f.slug, f.name,
                    COALESCE(json_agg(json_build_object('year', e.year, 'startsOn', e.starts_on::text,
                                                        'endsOn', e.ends_on::text)
                                      ORDER BY e.year DESC) FILTER (WHERE e.id IS NOT NULL), '[]') AS editions
             FROM festivals f LEFT JOIN festival_editions e ON e.festival_id = f.id
             GROUP BY f.id ORDER BY f.name, f.slug`,
    });
    return { items: rows };
  }
}
