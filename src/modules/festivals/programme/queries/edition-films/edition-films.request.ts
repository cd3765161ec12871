import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageLimit } from '../../../../../common/paging/index.js';
import { CONTINENT_CODES } from '../../../domain/continents.js';

/** `?strand=&day=&continent=&country=&limit=&cursor=`; the handler checks each value and names a bad one. */
export class EditionFilmsRequest {
  @ApiPropertyOptional({
    example: 'directors-showcase',
    description: 'A strand slug (404 when the edition has none such)',
  })
  @IsOptional()
  @IsString()
  strand?: string;

  @ApiPropertyOptional({
    example: '2008-08-16',
    description: 'A festival day YYYY-MM-DD: only films screening that local day, with only those screenings',
  })
  @IsOptional()
  @IsString()
  day?: string;

  @ApiPropertyOptional({ enum: CONTINENT_CODES, description: 'Films with a country in that continent' })
  @IsOptional()
  @IsString()
  continent?: string;

  @ApiPropertyOptional({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsString()
  country?: string;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
