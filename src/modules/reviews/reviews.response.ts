import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Position } from '#event-store';
import type { Page } from '../../common/paging/index.js';

const POSITION = { description: 'Consistency token: send it as X-Consistent-With to read this write' };

export interface ReviewItem {
  readonly id: string;
  readonly author: { readonly id: string; readonly username: string };
  /** Null for a spoiler review unless the reader asked to see spoilers. */
  readonly body: string | null;
  readonly spoilers: boolean;
  readonly rating: number | null;
  readonly likes: number;
  readonly createdAt: string;
  readonly editedAt?: string;
  /** Present (true) only for a hidden review its author or a moderator reads. */
  readonly hidden?: true;
}

export interface ReviewDetail extends ReviewItem {
  readonly film: { readonly id: string; readonly slug: string; readonly title: string };
}

export interface ReviewPosted {
  readonly id: string;
  readonly position: Position;
}

export interface ReviewLikes {
  readonly liked: boolean;
  readonly likes: number;
  readonly position: Position;
}

export interface ReviewDeleted {
  readonly id: string;
  readonly deleted: true;
  readonly position: Position;
}

export interface ReviewEditedResult {
  readonly id: string;
  readonly body: string;
  readonly spoilers: boolean;
  readonly rating: number | null;
  readonly likes: number;
  readonly position: Position;
}

class ReviewAuthorResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
}

export class ReviewItemResponse implements ReviewItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ReviewAuthorResponse }) author!: ReviewAuthorResponse;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null for a spoiler review unless spoilers=show',
  })
  body!: string | null;
  @ApiProperty() spoilers!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 4 }) rating!: number | null;
  @ApiProperty({ description: 'Members who like it' }) likes!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) editedAt?: string;
  @ApiPropertyOptional({
    enum: [true],
    description: 'Hidden by moderation; only its author and moderators see it',
  })
  hidden?: true;
}

class ReviewFilmResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
}

export class ReviewDetailResponse extends ReviewItemResponse implements ReviewDetail {
  @ApiProperty({ type: ReviewFilmResponse }) film!: ReviewFilmResponse;
}

export class ReviewPageResponse implements Page<ReviewItem> {
  @ApiProperty({ type: [ReviewItemResponse] }) items!: ReviewItemResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ReviewPostedResponse implements ReviewPosted {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(POSITION) position!: string;
}

export class ReviewLikesResponse implements ReviewLikes {
  @ApiProperty({ description: 'Whether the signed-in member now likes it' }) liked!: boolean;
  @ApiProperty() likes!: number;
  @ApiProperty(POSITION) position!: string;
}

export class ReviewDeletedResponse implements ReviewDeleted {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [true] }) deleted!: true;
  @ApiProperty(POSITION) position!: string;
}

export class ReviewEditedResponse implements ReviewEditedResult {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() body!: string;
  @ApiProperty() spoilers!: boolean;
  @ApiProperty({ type: Number, nullable: true }) rating!: number | null;
  @ApiProperty() likes!: number;
  @ApiProperty(POSITION) position!: string;
}

export class ReviewReportAcceptedResponse {
  @ApiProperty(POSITION) position!: string;
}
