import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';
import {
  CONTINENT_CODES,
  continentName,
  continentsOf,
  type ContinentCode,
} from '../../../domain/continents.js';
import { datesBetween } from '../../../domain/festival-time.js';
import { ProgrammeReader } from '../../programme-reader.js';
import { editionResource, type EditionResource } from '../../programme-resources.js';

export interface EditionDetail extends EditionResource {
  /** `films` counts the films selected in the strand. */
  readonly strands: readonly { slug: string; name: string; description: string | null; films: number }[];
  /** Every date of the edition, with how many screenings start on it (local time). */
  readonly days: readonly { date: string; screenings: number }[];
  /** Continents with at least one film, in code order. */
  readonly continents: readonly { code: ContinentCode; name: string; films: number }[];
}

/** An edition's page: its dates, prices, strands, days and continents. 404 when there is none. */
export class GetEdition extends Query<EditionDetail> {
  constructor(
    readonly festival: string,
    readonly year: string,
  ) {
    super();
  }
}

@QueryHandler(GetEdition)
export class GetEditionHandler implements IQueryHandler<GetEdition> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ festival, year }: GetEdition): Promise<EditionDetail> {
    const edition = await new ProgrammeReader(this.pool).edition(festival, year);
    const [strands, days, countries] = await Promise.all([
      this.pool.query<{ slug: string; name: string; description: string | null; films: number }>({
        name: 'festival-edition-strands',
        text: `SELECT st.slug, st.name, st.description, count(sel.film_id)::int AS films
               FROM festival_strands st LEFT JOIN festival_selections sel ON sel.strand_id = st.id
               WHERE st.edition_id = $1 GROUP BY st.id ORDER BY st.name, st.slug`,
        values: [edition.id],
      }),
      this.pool.query<{ date: string; screenings: number }>({
        name: 'festival-edition-days',
        text: `SELECT local_date::text AS date, count(*)::int AS screenings FROM festival_screenings
               WHERE edition_id = $1 GROUP BY local_date`,
        values: [edition.id],
      }),
      this.pool.query<{ countries: string[] }>({
        name: 'festival-edition-countries',
        text: `SELECT f.countries FROM festival_selections sel JOIN films f ON f.id = sel.film_id
               WHERE sel.edition_id = $1`,
        values: [edition.id],
      }),
    ]);
    const perDay = new Map(days.rows.map((row) => [row.date, row.screenings]));
    return {
      ...editionResource(edition),
      strands: strands.rows,
      days: datesBetween(edition.startsOn, edition.endsOn).map((date) => ({
        date,
        screenings: perDay.get(date) ?? 0,
      })),
      continents: continentCounts(countries.rows.map((row) => row.countries)),
    };
  }
}

/** A film counts once in each continent its countries lie in. */
function continentCounts(films: readonly (readonly string[])[]): EditionDetail['continents'] {
  const counts = new Map<ContinentCode, number>();
  for (const countries of films)
    for (const code of continentsOf(countries)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return CONTINENT_CODES.filter((code) => counts.has(code)).map((code) => ({
    code,
    name: continentName(code),
    films: counts.get(code)!,
  }));
}
