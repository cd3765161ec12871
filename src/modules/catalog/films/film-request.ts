import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  validate,
  ValidateNested,
} from 'class-validator';
import type { FieldError } from '../../../common/problem-details.js';
import { fieldErrorsOf, Satisfies } from '../../../common/validation.js';
import { isCountryCode } from '../domain/countries.js';
import { isLanguageCode } from '../domain/languages.js';
import { kebab } from '../domain/normalise.js';
import { FILM_YEAR_MESSAGE, FIRST_FILM_YEAR, isFilmYear, YEARS_AHEAD } from './validation-rules.js';

const NOT_BLANK = /\S/;

/** A person is given either by id (an existing person) or by name (found or created), never both. */
const isPersonRefList = (value: unknown): boolean =>
  !Array.isArray(value) ||
  value.every((ref: unknown) => {
    if (ref === null || typeof ref !== 'object') return true; // reported by the nested validation
    const { id, name } = ref as { id?: unknown; name?: unknown };
    return (id == null) !== (name == null);
  });

export class PersonRefRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing person; give id or name, not both.' })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Reuses the person whose name matches (ignoring case and accents), else creates one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;
}

export class ExternalIdsRequest {
  @ApiPropertyOptional({ example: 'tt1069238' })
  @IsOptional()
  @IsString()
  @Matches(/^tt\d{7,}$/, { message: 'imdb must be an IMDb title id such as tt1069238' })
  @MaxLength(20)
  imdb?: string;

  @ApiPropertyOptional({ example: 8276 })
  @IsOptional()
  @IsInt()
  @IsPositive()
  @Satisfies('isInt4', (value) => typeof value === 'number' && value <= 2_147_483_647, 'tmdb is too large')
  tmdb?: number;
}

export class CriticReviewRequest {
  @ApiProperty({ maxLength: 200, example: 'Le Monde' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'outlet must not be blank' })
  outlet!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'FR' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'excerpt must not be blank' })
  excerpt!: string;

  @ApiPropertyOptional({ maxLength: 2000, format: 'uri' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;
}

const personRefs = (field: string, max: number): PropertyDecorator => {
  const decorators: PropertyDecorator[] = [
    ApiPropertyOptional({ type: [PersonRefRequest], maxItems: max }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => PersonRefRequest),
    Satisfies('isPersonRefList', isPersonRefList, `each of ${field} must give exactly one of id or name`),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

/** The body of POST /films and PUT /films/{id}, and one film of a catalogue import: the API's film shape. */
export class FilmRequest {
  @ApiProperty({ maxLength: 300, example: 'Paris' })
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiPropertyOptional({ type: String, maxLength: 300, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  originalTitle?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: FIRST_FILM_YEAR,
    description: `Up to ${YEARS_AHEAD} years ahead.`,
    nullable: true,
  })
  @IsOptional()
  @Satisfies('isFilmYear', isFilmYear, FILM_YEAR_MESSAGE('year'))
  year?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, nullable: true })
  @IsOptional()
  @IsInt()
  @IsPositive()
  @Satisfies(
    'isRuntime',
    (value) => typeof value === 'number' && value <= 100_000,
    'runtimeMinutes is too large',
  )
  runtimeMinutes?: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  synopsis?: string | null;

  @personRefs('directors', 50)
  directors?: PersonRefRequest[];

  @personRefs('cast', 200)
  cast?: PersonRefRequest[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['comedy', 'drama'],
    description: 'Stored as lowercase kebab.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  @Satisfies(
    'isGenre',
    (value) => typeof value === 'string' && kebab(value) !== '',
    'each genre needs a letter or digit',
    { each: true },
  )
  genres?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 30,
    example: ['fr', 'en'],
    description: 'ISO 639-1 codes.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Satisfies(
    'isLanguageCode',
    (value) => typeof value === 'string' && isLanguageCode(value),
    'each language must be an ISO 639-1 code such as "fr"',
    { each: true },
  )
  languages?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 30,
    example: ['FR'],
    description: 'ISO 3166-1 alpha-2 codes.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Satisfies(
    'isCountryCode',
    (value) => typeof value === 'string' && isCountryCode(value),
    'each country must be an ISO 3166-1 alpha-2 code such as "FR"',
    { each: true },
  )
  countries?: string[];

  @ApiPropertyOptional({ type: String, maxLength: 200, example: 'M offensive language', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  classification?: string | null;

  @ApiPropertyOptional({ type: ExternalIdsRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalIdsRequest)
  externalIds?: ExternalIdsRequest;

  @ApiPropertyOptional({ type: [CriticReviewRequest], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriticReviewRequest)
  criticReviews?: CriticReviewRequest[];
}

export type FilmValidation =
  { readonly ok: true; readonly value: FilmRequest } | { readonly ok: false; readonly errors: FieldError[] };

/** The same rules as the HTTP body, for input that does not come through a controller (imports). */
export async function validateFilmRequest(plain: unknown): Promise<FilmValidation> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { ok: false, errors: [{ field: 'film', message: 'a film must be a JSON object' }] };
  }
  const value = plainToInstance(FilmRequest, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: fieldErrorsOf(errors) };
}
