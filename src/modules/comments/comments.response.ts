import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Position } from '#event-store';
import type { Page } from '../../common/paging/index.js';

export interface CommentAuthor {
  readonly id: string;
  readonly username: string;
}

export interface CommentFilm {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
}

/** A comment as a film page lists it. */
export interface CommentItem {
  readonly id: string;
  readonly author: CommentAuthor;
  readonly body: string;
  readonly createdAt: string;
  /** Left out when never edited. */
  readonly editedAt?: string;
  /** Only on a hidden comment, which only its author and moderators see. */
  readonly hidden?: true;
}

export interface CommentDetail extends CommentItem {
  readonly film: CommentFilm;
}

export interface CommentWritten {
  readonly id: string;
  readonly position: Position;
}

export interface CommentDeleted {
  readonly id: string;
  readonly deleted: true;
  readonly position: Position;
}

export interface CommentReportAccepted {
  readonly position: Position;
}

const POSITION = {
  description: 'Consistency token: send it as X-Consistent-With to read this write',
} as const;

export class CommentAuthorResponse implements CommentAuthor {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'cedric' }) username!: string;
}

export class CommentFilmResponse implements CommentFilm {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008' }) slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
}

export class CommentItemResponse implements CommentItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CommentAuthorResponse }) author!: CommentAuthorResponse;
  @ApiProperty({ description: 'Plain text, exactly as stored (trimmed); never HTML' }) body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The last edit; absent when never edited' })
  editedAt?: string;
  @ApiPropertyOptional({
    enum: [true],
    description: 'Present (true) only on a hidden comment, which only its author and moderators see',
  })
  hidden?: true;
}

export class CommentDetailResponse extends CommentItemResponse implements CommentDetail {
  @ApiProperty({ type: CommentFilmResponse }) film!: CommentFilmResponse;
}

export class CommentPageResponse implements Page<CommentItem> {
  @ApiProperty({ type: [CommentItemResponse], description: 'Oldest first' }) items!: CommentItemResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export class CommentWrittenResponse implements CommentWritten {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(POSITION) position!: string;
}

export class CommentDeletedResponse implements CommentDeleted {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [true] }) deleted!: true;
  @ApiProperty(POSITION) position!: string;
}

export class CommentReportAcceptedResponse implements CommentReportAccepted {
  @ApiProperty(POSITION) position!: string;
}
