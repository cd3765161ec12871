import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { Satisfies } from '../../../../common/validation.js';
import { LIST_DESCRIPTION_MAX, LIST_TITLE_MAX } from '../../domain/list.decider.js';
import { LIST_VISIBILITIES, type ListVisibility } from '../../domain/list.events.js';
import {
  isListDescription,
  isListTitle,
  LIST_DESCRIPTION_MESSAGE,
  LIST_TITLE_MESSAGE,
  Trimmed,
  TrimmedOrNull,
} from '../list-text.js';

/** Each field left out keeps its value. */
export class ChangeListDetailsRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: LIST_TITLE_MAX, description: 'Trimmed' })
  @Trimmed()
  // null is not a title: only a field left out is skipped.
  @ValidateIf((_request, value) => value !== undefined)
  @Satisfies('isListTitle', isListTitle, LIST_TITLE_MESSAGE)
  title?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIST_DESCRIPTION_MAX,
    description: 'Trimmed; empty or null clears it',
  })
  @TrimmedOrNull()
  @IsOptional()
  @Satisfies('isListDescription', isListDescription, LIST_DESCRIPTION_MESSAGE)
  description?: string | null;

  @ApiPropertyOptional({ enum: LIST_VISIBILITIES, description: 'An official list stays public (422)' })
  @ValidateIf((_request, value) => value !== undefined)
  @IsIn(LIST_VISIBILITIES)
  visibility?: ListVisibility;
}
