import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
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

export class CreateListRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: LIST_TITLE_MAX,
    example: 'Films to see at Cannes',
    description: 'Trimmed',
  })
  @Trimmed()
  @Satisfies('isListTitle', isListTitle, LIST_TITLE_MESSAGE)
  title!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIST_DESCRIPTION_MAX,
    description: 'Trimmed; empty or null means none',
  })
  @TrimmedOrNull()
  @IsOptional()
  @Satisfies('isListDescription', isListDescription, LIST_DESCRIPTION_MESSAGE)
  description?: string | null;

  @ApiProperty({ description: 'Whether the films have ranks (1..n) or keep the order they were added in' })
  @IsBoolean()
  ranked!: boolean;

  @ApiProperty({
    enum: LIST_VISIBILITIES,
    description: 'private: you alone; friends: you and the members you follow; public: everyone',
  })
  @IsIn(LIST_VISIBILITIES)
  visibility!: ListVisibility;

  @ApiPropertyOptional({ description: 'An official list (admins only; always public)', default: false })
  @IsOptional()
  @IsBoolean()
  official?: boolean;
}
