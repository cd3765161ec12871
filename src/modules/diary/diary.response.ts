import { ApiProperty } from '@nestjs/swagger';
import type { Position } from '#event-store';
import type { Page } from '../../common/paging/index.js';

const POSITION = { description: 'Consistency token: send it as X-Consistent-With to read this write' };

export interface DiaryFilm {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
}

export interface DiaryEntry {
  readonly id: string;
  readonly film: DiaryFilm;
  readonly watchedOn: string;
  readonly rewatch: boolean;
  readonly rating: number | null;
  /** The review written with the entry, while it is up (not deleted nor hidden). */
  readonly review: { readonly id: string } | null;
}

export interface DiaryEntryLogged {
  readonly id: string;
  readonly review: { readonly id: string } | null;
  readonly position: Position;
}

export interface DiaryEntryChanged {
  readonly id: string;
  readonly watchedOn: string;
  readonly rewatch: boolean;
  readonly rating: number | null;
  readonly position: Position;
}

export interface DiaryEntryDeleted {
  readonly id: string;
  readonly deleted: true;
  readonly position: Position;
}

class DiaryFilmResponse implements DiaryFilm {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'stalker-1979' }) slug!: string;
  @ApiProperty({ example: 'Stalker' }) title!: string;
  @ApiProperty({ type: Number, nullable: true, example: 1979 }) year!: number | null;
}

class ReviewReferenceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class DiaryEntryResponse implements DiaryEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: DiaryFilmResponse }) film!: DiaryFilmResponse;
  @ApiProperty({ type: String, format: 'date', example: '2024-05-17' }) watchedOn!: string;
  @ApiProperty({ description: 'Seen before' }) rewatch!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 4, description: 'Stars for this viewing' })
  rating!: number | null;
  @ApiProperty({ type: ReviewReferenceResponse, nullable: true, description: 'The review written with it' })
  review!: ReviewReferenceResponse | null;
}

export class DiaryPageResponse implements Page<DiaryEntry> {
  @ApiProperty({ type: [DiaryEntryResponse] }) items!: DiaryEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

export class DiaryEntryLoggedResponse implements DiaryEntryLogged {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: ReviewReferenceResponse,
    nullable: true,
    description: 'The review posted with the entry; null when none was given',
  })
  review!: ReviewReferenceResponse | null;
  @ApiProperty({ ...POSITION, description: `${POSITION.description}; it covers the review too` })
  position!: string;
}

export class DiaryEntryChangedResponse implements DiaryEntryChanged {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date' }) watchedOn!: string;
  @ApiProperty() rewatch!: boolean;
  @ApiProperty({ type: Number, nullable: true }) rating!: number | null;
  @ApiProperty(POSITION) position!: string;
}

export class DiaryEntryDeletedResponse implements DiaryEntryDeleted {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [true] }) deleted!: true;
  @ApiProperty(POSITION) position!: string;
}
