import { ApiProperty } from '@nestjs/swagger';
import type { Position } from '#event-store';
import type { ImportCounts, UnmatchedRow } from './domain/import.events.js';
import { IMPORT_SOURCES, type ImportSource, type RowError } from './parsing/import-plan.js';

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ImportStartedResponse {
  readonly importId: string;
  readonly position: Position;
}

export interface ImportView {
  readonly id: string;
  readonly source: ImportSource;
  readonly fileName: string;
  readonly status: ImportStatus;
  readonly progress: { readonly done: number; readonly total: number };
  /** Null until completed. */
  readonly counts: ImportCounts | null;
  readonly unmatched: readonly UnmatchedRow[];
  readonly rowErrors: readonly RowError[];
  readonly notImported: Readonly<Record<string, number>>;
  readonly failure?: string;
  readonly createdAt: string;
  readonly completedAt?: string;
}

const INSTANT = { type: String, format: 'date-time' } as const;

export class ImportStartedResponseDto implements ImportStartedResponse {
  @ApiProperty({ format: 'uuid' }) importId!: string;
  @ApiProperty({
    type: String,
    description: 'Consistency token: pass as X-Consistent-With to GET /imports/{id} to see it queued',
  })
  position!: Position;
}

class ImportProgressResponse {
  @ApiProperty({ description: 'Rows of the file dealt with so far' }) done!: number;
  @ApiProperty({ description: 'Rows of the file in all (0 until the job has read it)' }) total!: number;
}

class ImportCountsResponse implements ImportCounts {
  @ApiProperty({ description: 'Films checked by this import (not those already checked)' }) checked!: number;
  @ApiProperty() favourites!: number;
  @ApiProperty() watchlist!: number;
  @ApiProperty({ description: 'Films given a rating (not those the member had rated)' }) ratings!: number;
  @ApiProperty({ description: 'Viewings added to the diary (not days the member had logged)' })
  diaryEntries!: number;
  @ApiProperty({ description: 'Reviews written (not those an earlier import wrote)' }) reviews!: number;
  @ApiProperty({ description: 'Lists created or changed' }) lists!: number;
  @ApiProperty({ description: 'Rows that matched no catalogue film (exact, even past the listed 1,000)' })
  unmatched!: number;
}

class UnmatchedRowResponse implements UnmatchedRow {
  @ApiProperty() title!: string;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ example: 'diary.csv' }) file!: string;
  @ApiProperty() line!: number;
}

class RowErrorResponse implements RowError {
  @ApiProperty({ example: 'diary.csv' }) file!: string;
  @ApiProperty() line!: number;
  @ApiProperty() reason!: string;
}

export class ImportResponse implements ImportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_SOURCES }) source!: ImportSource;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status!: ImportStatus;
  @ApiProperty({ type: ImportProgressResponse }) progress!: ImportProgressResponse;
  @ApiProperty({ type: ImportCountsResponse, nullable: true, description: 'Null until completed' })
  counts!: ImportCountsResponse | null;
  @ApiProperty({ type: [UnmatchedRowResponse], description: 'The first 1,000, in file order' })
  unmatched!: UnmatchedRowResponse[];
  @ApiProperty({ type: [RowErrorResponse], description: 'Rows that could not be read (first 1,000)' })
  rowErrors!: RowErrorResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description:
      'Rows read but not imported yet, by file (Letterboxd reviews.csv; IMDb rows that are not films)',
    example: { 'reviews.csv': 12 },
  })
  notImported!: Record<string, number>;
  @ApiProperty({ required: false, description: 'Why it failed' }) failure?: string;
  @ApiProperty(INSTANT) createdAt!: string;
  @ApiProperty({ ...INSTANT, required: false }) completedAt?: string;
}

export class ImportPageResponse {
  @ApiProperty({ type: [ImportResponse] }) items!: ImportResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}
