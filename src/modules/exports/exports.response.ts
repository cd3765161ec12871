import { ApiProperty } from '@nestjs/swagger';
import type { Position } from '#event-store';

export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ExportRequestedResponse {
  readonly id: string;
  readonly position: Position;
}

export interface ExportView {
  readonly id: string;
  readonly status: ExportStatus;
  readonly progress: { readonly done: number; readonly total: number };
  /** Size of the archive once completed. */
  readonly bytes?: number;
  readonly failure?: string;
  readonly createdAt: string;
  readonly completedAt?: string;
}

const INSTANT = { type: String, format: 'date-time' } as const;

export class ExportRequestedResponseDto implements ExportRequestedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: String,
    description: 'Consistency token: pass as X-Consistent-With to GET /me/exports/{id} to see it queued',
  })
  position!: Position;
}

class ExportProgressResponse {
  @ApiProperty({ description: 'Files of the archive written so far' }) done!: number;
  @ApiProperty({ description: 'Files to write (the lists’ files count as one; 0 until the job starts)' })
  total!: number;
}

export class ExportResponse implements ExportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status!: ExportStatus;
  @ApiProperty({ type: ExportProgressResponse }) progress!: ExportProgressResponse;
  @ApiProperty({ required: false, description: 'Size of the zip in bytes, once completed' }) bytes?: number;
  @ApiProperty({ required: false, description: 'Why it failed' }) failure?: string;
  @ApiProperty(INSTANT) createdAt!: string;
  @ApiProperty({ ...INSTANT, required: false }) completedAt?: string;
}
