import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { LIST_SIZE_MAX } from '../../domain/list.decider.js';

export class PublishListEditionRequest {
  @ApiProperty({
    type: [String],
    maxItems: LIST_SIZE_MAX,
    example: ['vertigo-1958', 'citizen-kane-1941'],
    description:
      'The whole new content in rank order: film ids or slugs, each once (else 422 duplicate-films)',
  })
  @IsArray()
  @ArrayMaxSize(LIST_SIZE_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  films!: string[];
}
