import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CountryFilter, DecadeFilter, GenreFilter, LanguageFilter } from '../../films/film-filter-rules.js';
import { PageLimit } from '../../../../common/paging/index.js';
import { Satisfies } from '../../../../common/validation.js';
import { FILM_YEAR_MESSAGE, FIRST_FILM_YEAR, isFilmYear } from '../../films/validation-rules.js';
import { FILM_SORTS, type FilmSort } from './search-films.query.js';

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

  @ApiPropertyOptional({
    enum: FILM_SORTS,
    default: 'title',
    description:
      'Without q only: title (A to Z) or release (newest year first, then A to Z; films without a year last)',
  })
  @IsOptional()
  @IsIn(FILM_SORTS, { message: `sort must be one of ${FILM_SORTS.join(', ')}` })
  sort?: FilmSort;

  @ApiPropertyOptional({ minimum: FIRST_FILM_YEAR, example: 2008 })
  @IsOptional()
  @Type(() => Number)
  @Satisfies('isFilmYear', isFilmYear, FILM_YEAR_MESSAGE('year'))
  year?: number;

  @DecadeFilter()
  decade?: number;

  @GenreFilter()
  genre?: string;

  @LanguageFilter()
  language?: string;

  @CountryFilter()
  country?: string;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}
