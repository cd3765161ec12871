import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageLimit } from '../../../common/paging/index.js';
import {
  CountryFilter,
  DecadeFilter,
  GenreFilter,
  LanguageFilter,
} from '../../catalog/films/film-filter-rules.js';

/** The query string every discovery listing takes: the catalogue's film filters and a page. */
export class DiscoveryFilmsRequest {
  @GenreFilter()
  genre?: string;

  @DecadeFilter()
  decade?: number;

  @CountryFilter()
  country?: string;

  @LanguageFilter()
  language?: string;

  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
