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

interface FacetsRow {
  strands: EditionDetail['strands'];
  days: { date: string; screenings: number }[];
  countries: string[][];
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
    // One round trip for the three facets: the page is the festival's most read.
    const { rows } = await this.pool.query<FacetsRow>({
      name: 'festival-edition-facets',
      text: `SELECT
               (SELECT coalesce(json_agg(strand ORDER BY strand.name, strand.slug), '[]')
                FROM (SELECT st.slug, st.name, st.description,
                             (SELECT count(*)::int FROM festival_selections sel WHERE sel.strand_id = st.id) AS films
                      FROM festival_strands st WHERE st.edition_id = $1) AS strand) AS strands,
               (SELECT coalesce(json_agg(day), '[]')
                FROM (SELECT local_date::text AS date, count(*)::int AS screenings FROM festival_screenings
                      WHERE edition_id = $1 GROUP BY local_date) AS day) AS days,
               (SELECT coalesce(json_agg(f.countries), '[]')
                FROM festival_selections sel JOIN films f ON f.id = sel.film_id
                WHERE sel.edition_id = $1) AS countries`,
      values: [edition.id],
    });
    const { strands, days, countries } = rows[0]!;
    const perDay = new Map(days.map((row) => [row.date, row.screenings]));
    return {
      ...editionResource(edition),
      strands,
      days: datesBetween(edition.startsOn, edition.endsOn).map((date) => ({
        date,
        screenings: perDay.get(date) ?? 0,
      })),
      continents: continentCounts(countries),
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
