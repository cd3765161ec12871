import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Satisfies } from '../../../common/validation.js';
import { isCountryCode } from '../domain/countries.js';
import { isLanguageCode } from '../domain/languages.js';

/** `?genre=` of any film listing: matched as lowercase kebab. */
export const GenreFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: 'science-fiction', description: 'A genre, matched as lowercase kebab.' }),
    IsOptional(),
    IsString(),
    MaxLength(40),
  );

/** `?language=` of any film listing: an ISO 639-1 code. */
export const LanguageFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: 'fr', description: 'ISO 639-1 code' }),
    IsOptional(),
    Satisfies(
      'isLanguageCode',
      (value) => typeof value === 'string' && isLanguageCode(value),
      'language must be an ISO 639-1 code such as "fr"',
    ),
  );

/** `?country=` of any film listing: an ISO 3166-1 alpha-2 code. */
export const CountryFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: 'FR', description: 'ISO 3166-1 alpha-2 code' }),
    IsOptional(),
    Satisfies(
      'isCountryCode',
      (value) => typeof value === 'string' && isCountryCode(value),
      'country must be an ISO 3166-1 alpha-2 code such as "FR"',
    ),
  );
