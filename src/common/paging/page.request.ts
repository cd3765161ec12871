import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Satisfies } from '../validation.js';
import { CURSOR_MESSAGE, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page.js';
import { decodeTimeCursor } from './time-cursor.js';

/** `?limit=` of any list: a whole number from 1 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when left out. */
export const PageLimit = (): PropertyDecorator =>
  // Last to first, as stacked decorators apply, so the messages of a bad limit keep their order.
  applyDecorators(
    Max(MAX_PAGE_SIZE),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
  );

/** `?limit=&cursor=` of a newest-first list; numbers arrive as text and are converted, then checked. */
export class PageRequest {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Satisfies(
    'isTimeCursor',
    (value) => typeof value === 'string' && decodeTimeCursor(value) !== null,
    CURSOR_MESSAGE,
  )
  cursor?: string;
}
