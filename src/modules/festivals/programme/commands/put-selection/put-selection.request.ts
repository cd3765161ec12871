import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Satisfies } from '../../../../../common/validation.js';
import type { Gala, Premiere } from '../../programme-reader.js';
import {
  GALAS,
  isOptionalText,
  isSlug,
  NOTE_MAX,
  PREMIERES,
  SLUG_MESSAGE,
  TrimmedOrNull,
} from '../../programme-input.js';

export class PutSelectionRequest {
  @ApiProperty({ example: 'directors-showcase', description: 'The slug of one of the edition’s strands' })
  @Satisfies('isSlug', isSlug, `strand ${SLUG_MESSAGE}`)
  strand!: string;

  @ApiPropertyOptional({ enum: PREMIERES, nullable: true })
  @IsOptional()
  @IsIn(PREMIERES)
  premiere?: Premiere | null;

  @ApiPropertyOptional({ enum: GALAS, nullable: true, description: 'The film opens or closes the edition' })
  @IsOptional()
  @IsIn(GALAS)
  gala?: Gala | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE_MAX, example: 'Director in person' })
  @TrimmedOrNull()
  @IsOptional()
  @Satisfies(
    'isNote',
    isOptionalText(NOTE_MAX),
    `note must be null or text of at most ${NOTE_MAX} characters`,
  )
  note?: string | null;
}
