import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { Satisfies } from '../../common/validation.js';
import { FIRST_VIEWING_YEAR, isViewingYear, VIEWING_YEAR_MESSAGE } from './domain/viewing-year.js';

/** The query string of GET /users/{username}/stats; the year arrives as text and is converted, then checked. */
export class MemberStatsRequest {
  @ApiPropertyOptional({
    minimum: FIRST_VIEWING_YEAR,
    example: 2024,
    description: 'Only the films seen that year (a viewing date in it, or checked in it with no date)',
  })
  @IsOptional()
  @Type(() => Number)
  @Satisfies('isViewingYear', (value) => isViewingYear(value), VIEWING_YEAR_MESSAGE)
  year?: number;
}
