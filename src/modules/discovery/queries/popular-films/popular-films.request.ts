import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageLimit } from '../../../../common/paging/index.js';
import { Satisfies } from '../../../../common/validation.js';
import { CountryFilter, GenreFilter, LanguageFilter } from '../../../catalog/films/film-filter-rules.js';
import { FIRST_FILM_YEAR } from '../../../catalog/films/validation-rules.js';
import { POPULARITY_PERIODS, type PopularityPeriod } from '../../domain/popularity-period.js';

const FIRST_DECADE = Math.floor(FIRST_FILM_YEAR / 10) * 10;

const isDecade = (value: unknown): boolean =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value % 10 === 0 &&
  value >= FIRST_DECADE &&
  value <= 2100;

/** The query string of GET /films/popular; numbers arrive as text and are converted, then checked. */
export class PopularFilmsRequest {
  @ApiPropertyOptional({
    enum: POPULARITY_PERIODS,
    default: 'week',
    description:
      'Marks made today, in the last 7 or 30 days (UTC days, today included), or all standing marks',
  })
  @IsOptional()
  @IsIn(POPULARITY_PERIODS, { message: `period must be one of ${POPULARITY_PERIODS.join(', ')}` })
  period?: PopularityPeriod;

  @GenreFilter()
  genre?: string;

  @ApiPropertyOptional({ example: 1990, description: 'Films released in that decade (1990: 1990–1999)' })
  @IsOptional()
  @Type(() => Number)
  @Satisfies('isDecade', isDecade, `decade must be a year ending in 0, from ${FIRST_DECADE}, such as 1990`)
  decade?: number;

  @CountryFilter()
  country?: string;

  @LanguageFilter()
  language?: string;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
