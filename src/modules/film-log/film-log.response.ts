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
}

export class FilmLogResultResponse implements FilmLogResult {
  @ApiProperty({ type: FilmStateResponse }) state!: FilmStateResponse;
  @ApiProperty({ description: 'Consistency token: send it as X-Consistent-With to read this write' })
  position!: string;
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
}
