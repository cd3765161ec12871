import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Satisfies } from '../../../../common/validation.js';
import { isWatchDate, WATCH_DATE_MESSAGE } from '../../domain/watched-date.js';

export class CheckFilmRequest {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-05-17',
    description:
      'When the member saw it: a real date from 1870-01-01 to today (today anywhere on Earth). ' +
      'Omitted: a new check has no date and an existing one keeps its date; null clears it.',
  })
  @IsOptional()
  @Satisfies('isWatchDate', (value) => isWatchDate(value), WATCH_DATE_MESSAGE)
  watchedOn?: string | null;
}
