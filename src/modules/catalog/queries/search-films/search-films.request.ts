import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { isCountryCode } from '../../domain/countries.js';
import { isLanguageCode } from '../../domain/languages.js';
import { PageLimit } from '../../../../common/paging/index.js';
import { Satisfies } from '../../../../common/validation.js';
import { FILM_YEAR_MESSAGE, FIRST_FILM_YEAR, isFilmYear } from '../../films/validation-rules.js';

/** The query string of GET /films; numbers arrive as text and are converted, then checked. */
export class SearchFilmsRequest {
  @ApiPropertyOptional({
    description:
      'Words of the title, original title or a director; case, accents, small typos and partial words are forgiven. Best matches first.',
    maxLength: 200,
    example: 'cedric klapisch',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: FIRST_FILM_YEAR, example: 2008 })
  @IsOptional()
  @Type(() => Number)
  @Satisfies('isFilmYear', isFilmYear, FILM_YEAR_MESSAGE('year'))
  year?: number;

  @ApiPropertyOptional({ example: 'science-fiction', description: 'A genre, matched as lowercase kebab.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  genre?: string;

  @ApiPropertyOptional({ example: 'fr', description: 'ISO 639-1 code' })
  @IsOptional()
  @Satisfies(
    'isLanguageCode',
    (value) => typeof value === 'string' && isLanguageCode(value),
    'language must be an ISO 639-1 code such as "fr"',
  )
  language?: string;

  @ApiPropertyOptional({ example: 'FR', description: 'ISO 3166-1 alpha-2 code' })
  @IsOptional()
  @Satisfies(
    'isCountryCode',
    (value) => typeof value === 'string' && isCountryCode(value),
    'country must be an ISO 3166-1 alpha-2 code such as "FR"',
  )
  country?: string;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}
