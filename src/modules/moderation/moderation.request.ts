import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageLimit } from '../../common/paging/index.js';
import { Satisfies } from '../../common/validation.js';
import { decodeQueueCursor, QUEUE_STATUSES, type QueueStatus } from './queries/get-queue/queue-cursor.js';

export const REASON_MAX = 500;
const REASON_MESSAGE = `reason must be text of 1 to ${REASON_MAX} characters (after trimming), without NUL`;

/** Code points after trimming, so an emoji counts once; PostgreSQL cannot store NUL. */
export const isReason = (value: unknown): value is string => {
  if (typeof value !== 'string' || value.includes('\0')) return false;
  const length = [...value.trim()].length;
  return length >= 1 && length <= REASON_MAX;
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset, later than now (checked at validation time). */
export const isFutureInstant = (value: unknown): value is string =>
  typeof value === 'string' && ISO_INSTANT.test(value) && new Date(value).getTime() > Date.now();

export class HideCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: REASON_MAX, example: 'Personal attack' })
  @Satisfies('isReason', isReason, REASON_MESSAGE)
  reason!: string;
}

/** Restore and dismiss: the reason is optional. */
export class CommentDecisionRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: REASON_MAX })
  @IsOptional()
  @Satisfies('isReason', isReason, REASON_MESSAGE)
  reason?: string;
}

export class SuspendMemberRequest {
  @ApiProperty({ minLength: 1, maxLength: REASON_MAX, example: 'Repeated spam' })
  @Satisfies('isReason', isReason, REASON_MESSAGE)
  reason!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2030-01-01T00:00:00Z',
    description:
      'When the suspension ends by itself: an ISO 8601 instant in the future. Omitted: until reinstated.',
  })
  @IsOptional()
  @Satisfies(
    'isFutureInstant',
    isFutureInstant,
    'until must be an ISO 8601 instant (with Z or an offset) in the future',
  )
  until?: string;
}

export class ReinstateMemberRequest extends CommentDecisionRequest {}

export class QueueRequest {
  @ApiPropertyOptional({ enum: QUEUE_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES, { message: `status must be one of ${QUEUE_STATUSES.join(', ')}` })
  status?: QueueStatus;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (of the same status)' })
  @IsOptional()
  @Satisfies(
    'isQueueCursor',
    (value) => typeof value === 'string' && decodeQueueCursor(value) !== null,
    'cursor must be a nextCursor given by this API',
  )
  cursor?: string;
}
