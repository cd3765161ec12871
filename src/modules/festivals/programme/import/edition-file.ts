import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsString, validate } from 'class-validator';
import { fieldErrorsOf, Satisfies } from '../../../../common/validation.js';
import { AddScreeningRequest } from '../commands/add-screening/add-screening.request.js';
import { PutEditionRequest } from '../commands/put-edition/put-edition.request.js';
import { PutFestivalRequest } from '../commands/put-festival/put-festival.request.js';
import { PutSelectionRequest } from '../commands/put-selection/put-selection.request.js';
import { PutStrandRequest } from '../commands/put-strand/put-strand.request.js';
import { isSlug, isYear, SLUG_MESSAGE } from '../programme-input.js';

/** The file's parts: the API's request bodies, with the path's slug, year or film added. */
class FestivalPart extends PutFestivalRequest {
  @Satisfies('isSlug', isSlug, `slug ${SLUG_MESSAGE}`)
  slug!: string;
}

class EditionPart extends PutEditionRequest {
  @Satisfies('isYear', (value) => isYear(String(value)), 'year must be four digits')
  year!: number | string;
}

class StrandPart extends PutStrandRequest {
  @Satisfies('isSlug', isSlug, `slug ${SLUG_MESSAGE}`)
  slug!: string;
}

class FilmPart extends PutSelectionRequest {
  @ApiProperty()
  @IsString()
  film!: string;
}

/** A whole edition, as `festival:import` reads it (docs/operations.md, "Loading a festival edition"). */
export interface EditionFile {
  readonly festival: FestivalPart;
  readonly edition: EditionPart & { readonly year: string };
  readonly strands: readonly StrandPart[];
  readonly films: readonly FilmPart[];
  readonly screenings: readonly AddScreeningRequest[];
}

export type EditionFileReading = { ok: true; file: EditionFile } | { ok: false; problems: string[] };

const SECTIONS = ['festival', 'edition', 'strands', 'films', 'screenings'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One part checked against its request class; problems named by position ("films[3].strand: …"). */
async function part<T extends object>(
  type: new () => T,
  plain: unknown,
  at: string,
  problems: string[],
): Promise<T> {
  if (!isObject(plain)) {
    problems.push(`${at}: must be an object`);
    return plain as T;
  }
  const value = plainToInstance(type, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  for (const error of fieldErrorsOf(errors)) problems.push(`${at}.${error.field}: ${error.message}`);
  return value;
}

async function parts<T extends object>(
  type: new () => T,
  plain: unknown,
  at: string,
  problems: string[],
): Promise<T[]> {
  if (plain === undefined) return [];
  if (!Array.isArray(plain)) {
    problems.push(`${at}: must be an array`);
    return [];
  }
  return Promise.all(plain.map((item, index) => part(type, item, `${at}[${index}]`, problems)));
}

/** The file's shape and every field in it, as the API would check each request; nothing is looked up yet. */
export async function readEditionFile(json: unknown): Promise<EditionFileReading> {
  if (!isObject(json)) return { ok: false, problems: ['the file must hold one JSON object'] };
  const problems = Object.keys(json)
    .filter((key) => !(SECTIONS as readonly string[]).includes(key))
    .map((key) => `${key}: is not a part of an edition file (${SECTIONS.join(', ')})`);
  const festival = await part(FestivalPart, json.festival, 'festival', problems);
  const edition = await part(EditionPart, json.edition, 'edition', problems);
  const strands = await parts(StrandPart, json.strands, 'strands', problems);
  const films = await parts(FilmPart, json.films, 'films', problems);
  const screenings = await parts(AddScreeningRequest, json.screenings, 'screenings', problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    file: {
      festival,
      edition: Object.assign(edition, { year: String(edition.year) }),
      strands,
      films,
      screenings,
    },
  };
}
