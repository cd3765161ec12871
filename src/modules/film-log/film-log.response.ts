import { ApiProperty } from '@nestjs/swagger';
import type { Position } from '#event-store';
import type { FilmLogState } from './domain/film-log.decider.js';

export interface FilmLogResult {
  readonly state: FilmLogState;
  readonly position: Position;
}

export interface FilmStats {
  readonly checks: number;
  readonly favourites: number;
  readonly dislikes: number;
  readonly watchlists: number;
  readonly comments: number;
  readonly favouritePercent: number;
  readonly dislikePercent: number;
  readonly ratings: RatingStats;
}

export interface RatingStats {
  readonly count: number;
  /** Two decimals, half up; null without ratings. */
  readonly average: number | null;
  /** Ten counts: ratings of 0.5, 1, … 5 stars. */
  readonly histogram: readonly number[];
}

export class FilmStateResponse implements FilmLogState {
  @ApiProperty() checked!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was checked' })
  checkedAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the member saw it' })
  watchedOn!: string | null;
  @ApiProperty() favourite!: boolean;
  @ApiProperty() disliked!: boolean;
  @ApiProperty() watchlisted!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3.5,
    description: 'The member’s rating, 0.5 to 5 in half stars; null when unrated',
  })
  rating!: number | null;
  @ApiProperty({ description: 'Diary entries (viewings) the member logged for the film' })
  viewings!: number;
}

export class FilmLogResultResponse implements FilmLogResult {
  @ApiProperty({ type: FilmStateResponse }) state!: FilmStateResponse;
  @ApiProperty({ description: 'Consistency token: send it as X-Consistent-With to read this write' })
  position!: string;
}

export class RatingStatsResponse implements RatingStats {
  @ApiProperty({ description: 'Members who rated the film' }) count!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3.75,
    description: 'Mean rating, two decimals, half up; null without ratings',
  })
  average!: number | null;
  @ApiProperty({
    type: [Number],
    minItems: 10,
    maxItems: 10,
    example: [0, 1, 0, 2, 3, 8, 12, 9, 4, 2],
    description: 'How many ratings of 0.5, 1, 1.5, … 5 stars',
  })
  histogram!: number[];
}

export class FilmStatsResponse implements FilmStats {
  @ApiProperty({ description: 'Members who checked the film' }) checks!: number;
  @ApiProperty() favourites!: number;
  @ApiProperty() dislikes!: number;
  @ApiProperty({ description: 'Members with the film on their watchlist' }) watchlists!: number;
  @ApiProperty({ description: 'Visible comments' }) comments!: number;
  @ApiProperty({
    example: 13.2,
    description: 'Favourites as a percent of checks, one decimal, half up; 0 without checks',
  })
  favouritePercent!: number;
  @ApiProperty({
    example: 2.1,
    description: 'Dislikes as a percent of checks, one decimal, half up; 0 without checks',
  })
  dislikePercent!: number;
  @ApiProperty({ type: RatingStatsResponse }) ratings!: RatingStatsResponse;
}
