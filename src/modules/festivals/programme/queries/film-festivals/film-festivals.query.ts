import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { isUuid } from '../../../../../common/uuid.js';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';
import { FilmNotFoundException } from '../../../../catalog/films/film-errors.js';
import { editionScreenings, type Gala, type Premiere } from '../../programme-reader.js';
import { filmScreening, type FilmScreening } from '../../programme-resources.js';

export interface FilmFestival {
  readonly festival: { readonly slug: string; readonly name: string };
  readonly year: number;
  readonly strand: { readonly slug: string; readonly name: string };
  readonly premiere: Premiere | null;
  readonly gala: Gala | null;
  readonly screenings: readonly FilmScreening[];
}

export interface FilmFestivals {
  readonly items: readonly FilmFestival[];
}

interface SelectionRow {
  edition_id: string;
  film_id: string;
  festival_slug: string;
  festival_name: string;
  year: number;
  strand_slug: string;
  strand_name: string;
  premiere: Premiere | null;
  gala: Gala | null;
}

/** The editions that selected a film, newest first, with its screenings there. 404 for an unknown film. */
export class GetFilmFestivals extends Query<FilmFestivals> {
  constructor(readonly film: string) {
    super();
  }
}

@QueryHandler(GetFilmFestivals)
export class GetFilmFestivalsHandler implements IQueryHandler<GetFilmFestivals> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ film }: GetFilmFestivals): Promise<FilmFestivals> {
    const byId = isUuid(film);
    const found = await this.pool.query<{ id: string }>(
      `SELECT id FROM films WHERE ${byId ? 'id = $1::uuid' : 'slug = $1'}`,
      [byId ? film.toLowerCase() : film],
    );
    if (found.rows[0] === undefined) throw new FilmNotFoundException(film);
    const { rows } = await this.pool.query<SelectionRow>({
      name: 'festival-film-selections',
      text: `SELECT sel.edition_id, sel.film_id, fe.slug AS festival_slug, fe.name AS festival_name, e.year,
                    st.slug AS strand_slug, st.name AS strand_name, sel.premiere, sel.gala
             FROM festival_selections sel
             JOIN festival_editions e ON e.id = sel.edition_id
             JOIN festivals fe ON fe.id = e.festival_id
             JOIN festival_strands st ON st.id = sel.strand_id
             WHERE sel.film_id = $1 ORDER BY e.starts_on DESC, fe.slug`,
      values: [found.rows[0].id],
    });
    const items = await Promise.all(
      rows.map(async (row) => ({
        festival: { slug: row.festival_slug, name: row.festival_name },
        year: row.year,
        strand: { slug: row.strand_slug, name: row.strand_name },
        premiere: row.premiere,
        gala: row.gala,
        screenings: (await editionScreenings(this.pool, row.edition_id, { filmIds: [row.film_id] })).map(
          filmScreening,
        ),
      })),
    );
    return { items };
  }
}
