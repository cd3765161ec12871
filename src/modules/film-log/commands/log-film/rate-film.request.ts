import { ApiProperty } from '@nestjs/swagger';
import { Satisfies } from '../../../../common/validation.js';
import { isRating } from '../../domain/rating.js';

export const RATING_MESSAGE = 'rating must be a number from 0.5 to 5 in steps of 0.5';

export class RateFilmRequest {
  @ApiProperty({
    type: Number,
    minimum: 0.5,
    maximum: 5,
    multipleOf: 0.5,
    example: 3.5,
    description: 'Stars, from half a star to five in half stars; a JSON number',
  })
  @Satisfies('isRating', (value) => isRating(value), RATING_MESSAGE)
  rating!: number;
}
