import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { Satisfies } from '../../common/validation.js';
import { PageLimit } from '../../common/paging/index.js';
import { RATING_MESSAGE } from '../film-log/commands/log-film/rate-film.request.js';
import { isRating } from '../film-log/domain/rating.js';
import { REVIEW_BODY_MAX } from './domain/review.decider.js';
import { isReviewBody, REVIEW_BODY_MESSAGE } from './domain/review-text.js';

/** Skips an absent field only: null is not text nor a flag, so it is checked and refused. */
const UnlessAbsent = () => ValidateIf((_object, value) => value !== undefined);

const RATING = {
  type: Number,
  nullable: true,
  minimum: 0.5,
  maximum: 5,
  multipleOf: 0.5,
  example: 4,
  description: 'Stars, 0.5 to 5 in half stars; they become the film’s rating',
} as const;

/** A review's words: its body and whether it gives the story away. */
export class ReviewTextRequest {
  @ApiProperty({ minLength: 1, maxLength: REVIEW_BODY_MAX, example: 'Slow, then all at once.' })
  @Satisfies('isReviewBody', isReviewBody, REVIEW_BODY_MESSAGE)
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'It gives the story away: readers see it on request' })
  @UnlessAbsent()
  @IsBoolean()
  spoilers?: boolean;
}

export class PostReviewRequest extends ReviewTextRequest {
  @ApiPropertyOptional(RATING)
  @IsOptional()
  @Satisfies('isRating', (value) => value === null || isRating(value), RATING_MESSAGE)
  rating?: number | null;
}

export class EditReviewRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: REVIEW_BODY_MAX })
  @UnlessAbsent()
  @Satisfies('isReviewBody', isReviewBody, REVIEW_BODY_MESSAGE)
  body?: string;

  @ApiPropertyOptional()
  @UnlessAbsent()
  @IsBoolean()
  spoilers?: boolean;

  @ApiPropertyOptional({
    ...RATING,
    description: 'New stars (they rate the film too); null takes the review’s away',
  })
  @IsOptional()
  @Satisfies('isRating', (value) => value === null || isRating(value), RATING_MESSAGE)
  rating?: number | null;
}

export const REVIEW_SORTS = ['recent', 'popular'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** `?spoilers=show`: the bodies of spoiler reviews too; left out, they read as null. */
export class SpoilersRequest {
  @ApiPropertyOptional({ enum: ['show'], description: 'show: include the text of spoiler reviews' })
  @IsOptional()
  @IsIn(['show'], { message: 'spoilers must be "show" or left out' })
  spoilers?: 'show';
}

export class ReviewPageRequest extends SpoilersRequest {
  @ApiPropertyOptional({ enum: REVIEW_SORTS, default: 'recent' })
  @IsOptional()
  @IsIn(REVIEW_SORTS, { message: `sort must be one of ${REVIEW_SORTS.join(', ')}` })
  sort?: ReviewSort;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (of the same sort)' })
  @IsOptional()
  cursor?: string;
}
