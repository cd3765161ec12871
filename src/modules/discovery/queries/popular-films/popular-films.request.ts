import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { POPULARITY_PERIODS, type PopularityPeriod } from '../../domain/popularity-period.js';
import { DiscoveryFilmsRequest } from '../discovery-films.request.js';

/** The query string of GET /films/popular; numbers arrive as text and are converted, then checked. */
export class PopularFilmsRequest extends DiscoveryFilmsRequest {
  @ApiPropertyOptional({
    enum: POPULARITY_PERIODS,
    default: 'week',
    description:
      'Marks made today, in the last 7 or 30 days (UTC days, today included), or all standing marks',
  })
  @IsOptional()
  @IsIn(POPULARITY_PERIODS, { message: `period must be one of ${POPULARITY_PERIODS.join(', ')}` })
  period?: PopularityPeriod;
}
