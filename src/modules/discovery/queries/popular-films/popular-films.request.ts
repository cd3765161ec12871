import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageLimit } from '../../../../common/paging/index.js';
import {
  CountryFilter,
  DecadeFilter,
  GenreFilter,
  LanguageFilter,
} from '../../../catalog/films/film-filter-rules.js';
import { POPULARITY_PERIODS, type PopularityPeriod } from '../../domain/popularity-period.js';

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

  @DecadeFilter()
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
