import { ApiProperty } from '@nestjs/swagger';
import { CONTINENT_CODES } from '../domain/continents.js';
import { GALAS, PREMIERES } from './programme-input.js';

export type {
  EditionResource,
  FestivalResource,
  FilmScreening,
  Money,
  ScreeningResource,
  SelectionResource,
  StrandResource,
} from './programme-resources.js';
export type { DayScreenings } from './queries/day-screenings/day-screenings.query.js';
export type { FestivalFilm } from './queries/edition-films/edition-films.query.js';
export type { FilmFestival, FilmFestivals } from './queries/film-festivals/film-festivals.query.js';
export type { EditionDetail } from './queries/get-edition/get-edition.query.js';
export type { FestivalList, FestivalSummary } from './queries/list-festivals/list-festivals.query.js';

const OFFSET_TIME = 'ISO 8601 with the edition’s offset at that instant, e.g. 2008-08-16T00:30:00+01:00';

class SlugName {
  @ApiProperty({ example: 'eiff' }) slug!: string;
  @ApiProperty({ example: 'Edinburgh International Film Festival' }) name!: string;
}

class MoneyResponse {
  @ApiProperty({ example: '10.95' }) amount!: string;
  @ApiProperty({ example: 'GBP' }) currency!: string;
}

class BulkDiscountResponse {
  @ApiProperty({ example: 6 }) minFilms!: number;
  @ApiProperty({ example: 25 }) percent!: number;
}

class FilmRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008' }) slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
  @ApiProperty({ type: Number, nullable: true, example: 2008 }) year!: number | null;
}

class FestivalFilmRefResponse extends FilmRefResponse {
  @ApiProperty({ type: [String], example: ['FR'], description: 'ISO 3166-1 alpha-2' }) countries!: string[];
}

export class FestivalResponse {
  @ApiProperty({ example: 'eiff' }) slug!: string;
  @ApiProperty({ example: 'Edinburgh International Film Festival' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
}

export class StrandResponse extends FestivalResponse {}

export class EditionResponse {
  @ApiProperty({ type: SlugName }) festival!: SlugName;
  @ApiProperty({ example: 2008 }) year!: number;
  @ApiProperty({ example: '2008-08-13' }) startsOn!: string;
  @ApiProperty({ example: '2008-08-24' }) endsOn!: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone!: string;
  @ApiProperty({ type: MoneyResponse, nullable: true }) ticketPrice!: MoneyResponse | null;
  @ApiProperty({ type: [BulkDiscountResponse], description: 'By minFilms' })
  bulkDiscounts!: BulkDiscountResponse[];
}

class EditionStrandResponse extends StrandResponse {
  @ApiProperty({ description: 'Films selected in the strand' }) films!: number;
}

class EditionDayResponse {
  @ApiProperty({ example: '2008-08-16' }) date!: string;
  @ApiProperty({ description: 'Screenings starting that local day' }) screenings!: number;
}

class EditionContinentResponse {
  @ApiProperty({ enum: CONTINENT_CODES }) code!: string;
  @ApiProperty({ example: 'Europe' }) name!: string;
  @ApiProperty({ description: 'Films with a country in it' }) films!: number;
}

export class EditionDetailResponse extends EditionResponse {
  @ApiProperty({ type: [EditionStrandResponse] }) strands!: EditionStrandResponse[];
  @ApiProperty({ type: [EditionDayResponse], description: 'Every date from startsOn to endsOn' })
  days!: EditionDayResponse[];
  @ApiProperty({ type: [EditionContinentResponse], description: 'Continents with films, in code order' })
  continents!: EditionContinentResponse[];
}

export class SelectionResponse {
  @ApiProperty({ type: FilmRefResponse }) film!: FilmRefResponse;
  @ApiProperty({ type: SlugName }) strand!: SlugName;
  @ApiProperty({ enum: PREMIERES, nullable: true }) premiere!: string | null;
  @ApiProperty({ enum: GALAS, nullable: true }) gala!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

class FilmScreeningResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Filmhouse 1' }) venue!: string;
  @ApiProperty({ example: '2008-08-16T00:30:00+01:00', description: OFFSET_TIME }) startsAt!: string;
  @ApiProperty({ description: `${OFFSET_TIME}; start + runtime (120 min when unknown)` }) endsAt!: string;
}

export class ScreeningResponse extends FilmScreeningResponse {
  @ApiProperty({ type: FilmRefResponse }) film!: FilmRefResponse;
}

class FestivalFilmResponse {
  @ApiProperty({ type: FestivalFilmRefResponse }) film!: FestivalFilmRefResponse;
  @ApiProperty({ type: SlugName }) strand!: SlugName;
  @ApiProperty({ enum: PREMIERES, nullable: true }) premiere!: string | null;
  @ApiProperty({ enum: GALAS, nullable: true }) gala!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [FilmScreeningResponse], description: 'By start' })
  screenings!: FilmScreeningResponse[];
}

export class FestivalFilmPageResponse {
  @ApiProperty({ type: [FestivalFilmResponse] }) items!: FestivalFilmResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class DayScreeningsResponse {
  @ApiProperty({ type: [ScreeningResponse], description: 'By start' }) items!: ScreeningResponse[];
}

class EditionDatesResponse {
  @ApiProperty({ example: 2008 }) year!: number;
  @ApiProperty({ example: '2008-08-13' }) startsOn!: string;
  @ApiProperty({ example: '2008-08-24' }) endsOn!: string;
}

class FestivalSummaryResponse extends SlugName {
  @ApiProperty({ type: [EditionDatesResponse], description: 'Newest first' })
  editions!: EditionDatesResponse[];
}

export class FestivalListResponse {
  @ApiProperty({ type: [FestivalSummaryResponse] }) items!: FestivalSummaryResponse[];
}

class FilmFestivalResponse {
  @ApiProperty({ type: SlugName }) festival!: SlugName;
  @ApiProperty({ example: 2008 }) year!: number;
  @ApiProperty({ type: SlugName }) strand!: SlugName;
  @ApiProperty({ enum: PREMIERES, nullable: true }) premiere!: string | null;
  @ApiProperty({ enum: GALAS, nullable: true }) gala!: string | null;
  @ApiProperty({ type: [FilmScreeningResponse] }) screenings!: FilmScreeningResponse[];
}

export class FilmFestivalsResponse {
  @ApiProperty({ type: [FilmFestivalResponse], description: 'Newest edition first' })
  items!: FilmFestivalResponse[];
}
