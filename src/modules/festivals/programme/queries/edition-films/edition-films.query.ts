import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../../../common/invalid-input.exception.js';
import {
  CURSOR_MESSAGE,
  DEFAULT_PAGE_SIZE,
  type Page,
  type PageRequest,
} from '../../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';
import { isCountryCode } from '../../../../catalog/domain/countries.js';
import { continentCode, countriesIn } from '../../../domain/continents.js';
import { isLocalDate } from '../../../domain/festival-time.js';
import { StrandNotFoundException } from '../../programme-errors.js';
import {
  editionScreenings,
  ProgrammeReader,
  type FilmRef,
  type Gala,
  type Premiere,
} from '../../programme-reader.js';
import { filmScreening, type FilmScreening } from '../../programme-resources.js';
import { decodeTitleCursor, encodeTitleCursor } from './title-cursor.js';

export interface FestivalFilm {
  readonly film: FilmRef & { readonly countries: readonly string[] };
  readonly strand: { readonly slug: string; readonly name: string };
  readonly premiere: Premiere | null;
  readonly gala: Gala | null;
  readonly note: string | null;
  readonly screenings: readonly FilmScreening[];
}

export interface EditionFilmsFilter {
  readonly strand?: string;
  /** A festival day: only films screening that local day, with only those screenings. */
  readonly day?: string;
  readonly continent?: string;
  readonly country?: string;
}

interface SelectionRow {
  id: string;
  slug: string;
  title: string;
  year: number | null;
  countries: string[];
  strand_slug: string;
  strand_name: string;
  premiere: Premiere | null;
  gala: Gala | null;
  note: string | null;
}

/** An edition's films by title, filtered, a page at a time. */
export class ListEditionFilms extends Query<Page<FestivalFilm>> {
  constructor(
    readonly festival: string,
    readonly year: string,
    readonly filter: EditionFilmsFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}

const bad = (field: string, message: string): InvalidInputException =>
  new InvalidInputException([{ field, message }]);

/** The filter as SQL values, every bad value a 400 naming it (the web pages pass the query string as it came). */
function sqlFilter(filter: EditionFilmsFilter): {
  day: string | null;
  countries: string[] | null;
  continent: string[] | null;
} {
  if (filter.day !== undefined && !isLocalDate(filter.day)) throw bad('day', 'day must be a date YYYY-MM-DD');
  const continent = filter.continent === undefined ? null : continentCode(filter.continent);
  if (filter.continent !== undefined && continent === null)
    throw bad('continent', 'continent must be one of AF, AN, AS, EU, NA, OC, SA');
  if (filter.country !== undefined && !isCountryCode(filter.country))
    throw bad('country', 'country must be an ISO 3166-1 alpha-2 code, e.g. "FR"');
  return {
    day: filter.day ?? null,
    countries: filter.country === undefined ? null : [filter.country.toUpperCase()],
    continent: continent === null ? null : countriesIn(continent),
  };
}

@QueryHandler(ListEditionFilms)
export class ListEditionFilmsHandler implements IQueryHandler<ListEditionFilms> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ festival, year, filter, page }: ListEditionFilms): Promise<Page<FestivalFilm>> {
    const where = sqlFilter(filter);
    const after = page.cursor === undefined ? null : decodeTitleCursor(page.cursor);
    if (page.cursor !== undefined && after === null) throw bad('cursor', CURSOR_MESSAGE);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const edition = await new ProgrammeReader(this.pool).edition(festival, year);
    const strandId = filter.strand === undefined ? null : await this.strandId(edition.id, filter.strand);
    const { rows } = await this.pool.query<SelectionRow>({
      name: 'festival-edition-films',
      text: `SELECT f.id, f.slug, f.title, f.year, f.countries, st.slug AS strand_slug, st.name AS strand_name,
                    sel.premiere, sel.gala, sel.note
             FROM festival_selections sel
             JOIN films f ON f.id = sel.film_id
             JOIN festival_strands st ON st.id = sel.strand_id
             WHERE sel.edition_id = $1 AND ($2::uuid IS NULL OR sel.strand_id = $2::uuid)
               AND ($3::date IS NULL OR EXISTS (SELECT 1 FROM festival_screenings s WHERE s.edition_id = sel.edition_id
                                                AND s.film_id = sel.film_id AND s.local_date = $3::date))
               AND ($4::text[] IS NULL OR f.countries && $4::text[])
               AND ($5::text[] IS NULL OR f.countries && $5::text[])
               AND ($6::text IS NULL OR (f.title, f.id) > ($6::text, $7::uuid))
             ORDER BY f.title, f.id LIMIT $8`,
      values: [
        edition.id,
        strandId,
        where.day,
        where.countries,
        where.continent,
        after?.title ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    });
    const shown = rows.slice(0, limit);
    const screenings = await editionScreenings(this.pool, edition.id, {
      filmIds: shown.map((row) => row.id),
      ...(where.day === null ? {} : { day: where.day }),
    });
    const last = shown.at(-1);
    return {
      items: shown.map((row) =>
        festivalFilm(row, screenings.filter((s) => s.film.id === row.id).map(filmScreening)),
      ),
      nextCursor: rows.length > limit && last ? encodeTitleCursor({ title: last.title, id: last.id }) : null,
    };
  }

  private async strandId(editionId: string, slug: string): Promise<string> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM festival_strands WHERE edition_id = $1 AND slug = $2',
      [editionId, slug],
    );
    if (rows[0] === undefined) throw new StrandNotFoundException(slug);
    return rows[0].id;
  }
}

const festivalFilm = (row: SelectionRow, screenings: FilmScreening[]): FestivalFilm => ({
  film: { id: row.id, slug: row.slug, title: row.title, year: row.year, countries: row.countries },
  strand: { slug: row.strand_slug, name: row.strand_name },
  premiere: row.premiere,
  gala: row.gala,
  note: row.note,
  screenings,
});
