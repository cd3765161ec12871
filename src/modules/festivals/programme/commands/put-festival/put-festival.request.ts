import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Satisfies } from '../../../../../common/validation.js';
import {
  DESCRIPTION_MAX,
  isName,
  isOptionalText,
  NAME_MAX,
  Trimmed,
  TrimmedOrNull,
} from '../../programme-input.js';

export class PutFestivalRequest {
  @ApiProperty({ maxLength: NAME_MAX, example: 'Edinburgh International Film Festival' })
  @Trimmed()
  @Satisfies('isName', isName, `name must be text of 1 to ${NAME_MAX} characters`)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DESCRIPTION_MAX })
  @TrimmedOrNull()
  @IsOptional()
  @Satisfies(
    'isDescription',
    isOptionalText(DESCRIPTION_MAX),
    `description must be null or text of at most ${DESCRIPTION_MAX} characters`,
  )
  description?: string | null;
}
