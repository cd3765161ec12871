import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Satisfies } from '../../../common/validation.js';
import { isCountryCode } from '../domain/countries.js';
import { isLanguageCode } from '../domain/languages.js';
import { FIRST_FILM_YEAR } from './validation-rules.js';

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

export const FIRST_DECADE = Math.floor(FIRST_FILM_YEAR / 10) * 10;

const isDecade = (value: unknown): boolean =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value % 10 === 0 &&
  value >= FIRST_DECADE &&
  value <= 2100;

/** `?decade=` of any film listing: a year ending in 0 (1990 is 1990–1999). */
export const DecadeFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: 1990, description: 'Films released in that decade (1990: 1990–1999)' }),
    IsOptional(),
    Type(() => Number),
    Satisfies('isDecade', isDecade, `decade must be a year ending in 0, from ${FIRST_DECADE}, such as 1990`),
  );
