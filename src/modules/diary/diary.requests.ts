import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Satisfies } from '../../common/validation.js';
import { RATING_MESSAGE } from '../film-log/commands/log-film/rate-film.request.js';
import { isRating } from '../film-log/domain/rating.js';
import { isWatchDate, WATCH_DATE_MESSAGE } from '../film-log/domain/watched-date.js';
import { ReviewTextRequest } from '../reviews/reviews.requests.js';

/** Skips an absent field only: null is not a date nor a flag, so it is checked and refused. */
const UnlessAbsent = () => ValidateIf((_object, value) => value !== undefined);

const WATCHED_ON = {
  type: String,
  format: 'date',
  example: '2024-05-17',
  description: 'The day of the viewing: a real date from 1870-01-01 to today (today anywhere on Earth)',
} as const;

const RATING = {
  type: Number,
  minimum: 0.5,
  maximum: 5,
  multipleOf: 0.5,
  example: 4,
  description: 'Stars for this viewing, 0.5 to 5 in half stars; they become the film’s rating',
} as const;

export class LogDiaryEntryRequest {
  @ApiProperty({ description: 'The film’s id or slug', example: 'stalker-1979' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  film!: string;

  @ApiProperty(WATCHED_ON)
  @Satisfies('isWatchDate', (value) => isWatchDate(value), WATCH_DATE_MESSAGE)
  watchedOn!: string;

  @ApiPropertyOptional({ default: false, description: 'Seen before' })
  @UnlessAbsent()
  @IsBoolean()
  rewatch?: boolean;

  @ApiPropertyOptional({ ...RATING, nullable: true })
  @IsOptional()
  @Satisfies('isRating', (value) => value === null || isRating(value), RATING_MESSAGE)
  rating?: number | null;

  @ApiPropertyOptional({
    type: ReviewTextRequest,
    nullable: true,
    description:
      'A review of this viewing, posted on the film with the entry’s stars (it takes no rating of its own)',
  })
  @IsOptional()
  @IsObject({ message: 'review must be an object: { body, spoilers? }' })
  @ValidateNested()
  @Type(() => ReviewTextRequest)
  review?: ReviewTextRequest | null;
}

export class ChangeDiaryEntryRequest {
  @ApiPropertyOptional(WATCHED_ON)
  @UnlessAbsent()
  @Satisfies('isWatchDate', (value) => isWatchDate(value), WATCH_DATE_MESSAGE)
  watchedOn?: string;

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsBoolean()
  rewatch?: boolean;

  @ApiPropertyOptional({
    ...RATING,
    nullable: true,
    description: `${RATING.description}; null takes the entry’s stars away (the film keeps its rating)`,
  })
  @IsOptional()
  @Satisfies('isRating', (value) => value === null || isRating(value), RATING_MESSAGE)
  rating?: number | null;
}
