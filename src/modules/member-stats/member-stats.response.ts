import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTINENT_CODES } from '../festivals/domain/continents.js';

/** How many entries the genre, country and director facets keep: the members' most seen. */
export const FACET_LIMIT = 50;

/** A facet's entry: its key and the number of checked films under it. */
export interface FacetCount<Key extends string | number = string> {
  readonly key: Key;
  readonly films: number;
}

export interface YearCount extends FacetCount<number> {
  readonly year: number;
}

export interface MonthCount extends FacetCount<number> {
  readonly month: number;
}

export interface DecadeCount extends FacetCount<number> {
  readonly decade: number;
}

export interface MemberStats {
  readonly films: number;
  readonly hours: number;
  readonly byYear: readonly YearCount[];
  /** Only when the statistics are of one year. */
  readonly byMonth?: readonly MonthCount[];
  readonly byDecade: readonly DecadeCount[];
  readonly byGenre: readonly FacetCount[];
  readonly byCountry: readonly FacetCount[];
  readonly byContinent: readonly FacetCount[];
  readonly byDirector: readonly FacetCount[];
  /** Ten counts: films rated half a star, one star, … five stars. */
  readonly ratings: readonly number[];
}

const FILMS = 'Checked films under this key';

class YearCountResponse implements YearCount {
  @ApiProperty({ example: 2024, description: 'The viewing year (the same as year)' }) key!: number;
  @ApiProperty({ example: 2024, description: 'The viewing year' }) year!: number;
  @ApiProperty({ example: 112, description: 'Checked films seen that year' }) films!: number;
}

class MonthCountResponse implements MonthCount {
  @ApiProperty({ minimum: 1, maximum: 12, example: 3, description: 'The month (the same as month)' })
  key!: number;
  @ApiProperty({ minimum: 1, maximum: 12, example: 3, description: 'The month of the year, 1 to 12' })
  month!: number;
  @ApiProperty({ example: 9, description: 'Checked films seen that month' }) films!: number;
}

class DecadeCountResponse implements DecadeCount {
  @ApiProperty({ example: 1990, description: 'The release decade (the same as decade)' }) key!: number;
  @ApiProperty({ example: 1990, description: 'The first year of the release decade' }) decade!: number;
  @ApiProperty({ example: 41, description: 'Checked films released in that decade' }) films!: number;
}

class GenreCountResponse implements FacetCount {
  @ApiProperty({ example: 'science-fiction', description: 'The genre, as the catalogue stores it' })
  key!: string;
  @ApiProperty({ example: 17, description: FILMS }) films!: number;
}

class CountryCountResponse implements FacetCount {
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2 code of a country of the film' })
  key!: string;
  @ApiProperty({ example: 23, description: FILMS }) films!: number;
}

class ContinentCountResponse implements FacetCount {
  @ApiProperty({ enum: CONTINENT_CODES, example: 'EU', description: 'A continent of the film’s countries' })
  key!: string;
  @ApiProperty({ example: 31, description: 'Checked films with a country on that continent' }) films!: number;
}

class DirectorCountResponse implements FacetCount {
  @ApiProperty({ example: 'Agnès Varda', description: 'The director’s name (one entry per person)' })
  key!: string;
  @ApiProperty({ example: 6, description: 'Checked films they directed' }) films!: number;
}

const ORDER = 'most films first, then by key';

export class MemberStatsResponse implements MemberStats {
  @ApiProperty({ example: 412, description: 'Checked films (seen that year, with ?year=)' }) films!: number;

  @ApiProperty({
    example: 701.5,
    description:
      'Runtime of those films, each counted once, in hours to one decimal, halves rounded up; a film of unknown runtime counts 0',
  })
  hours!: number;

  @ApiProperty({
    type: [YearCountResponse],
    description:
      `Films by viewing year, ${ORDER}. A film counts in every year it was seen: the date it was seen on and ` +
      'each diary date; a check with no date counts in the year it was checked. With ?year=, that year only.',
  })
  byYear!: YearCountResponse[];

  @ApiPropertyOptional({
    type: [MonthCountResponse],
    description:
      'Only with ?year=: the twelve months of that year in calendar order (months with no film count 0); a film ' +
      'counts in every month it was seen',
  })
  byMonth?: MonthCountResponse[];

  @ApiProperty({
    type: [DecadeCountResponse],
    description: `Films by release decade, ${ORDER}; films of unknown year are left out`,
  })
  byDecade!: DecadeCountResponse[];

  @ApiProperty({
    type: [GenreCountResponse],
    description: `Films by genre, ${ORDER}: the first ${FACET_LIMIT} at most`,
  })
  byGenre!: GenreCountResponse[];

  @ApiProperty({
    type: [CountryCountResponse],
    description: `Films by production country, ${ORDER}: the first ${FACET_LIMIT} at most; a co-production counts in each`,
  })
  byCountry!: CountryCountResponse[];

  @ApiProperty({
    type: [ContinentCountResponse],
    description: `Films by continent of their countries, ${ORDER}; a film counts once in each of its continents`,
  })
  byContinent!: ContinentCountResponse[];

  @ApiProperty({
    type: [DirectorCountResponse],
    description: `Films by director, ${ORDER}: the first ${FACET_LIMIT} at most`,
  })
  byDirector!: DirectorCountResponse[];

  @ApiProperty({
    type: [Number],
    minItems: 10,
    maxItems: 10,
    example: [0, 1, 0, 3, 2, 12, 20, 31, 9, 4],
    description: 'Of those films, how many the member rated 0.5, 1, 1.5, … 5 (ten counts)',
  })
  ratings!: number[];
}
