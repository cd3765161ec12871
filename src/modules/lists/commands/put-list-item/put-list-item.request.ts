import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min, ValidateIf } from 'class-validator';
import { Satisfies } from '../../../../common/validation.js';
import { LIST_NOTE_MAX } from '../../domain/list.decider.js';
import { isListNote, LIST_NOTE_MESSAGE, TrimmedOrNull } from '../list-text.js';

export class PutListItemRequest {
  @ApiPropertyOptional({
    minimum: 1,
    description:
      'Ranked lists only (else 422 list-not-ranked): the film goes there and later films shift down one; ' +
      'past the end is the end. Left out: a new film goes at the end, a listed one stays where it is.',
  })
  @ValidateIf((_request, value) => value !== undefined)
  @IsInt()
  @Min(1)
  rank?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIST_NOTE_MAX,
    description: 'Trimmed; empty or null clears it; left out keeps it',
  })
  @TrimmedOrNull()
  @IsOptional()
  @Satisfies('isListNote', isListNote, LIST_NOTE_MESSAGE)
  note?: string | null;
}
