import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../common/auth/index.js';
import type { Page } from '../../../common/paging/index.js';
import { ApiProblem, NO_FILM, VALID_TOKEN } from '../../../common/openapi/problem-responses.js';
import {
  DayScreeningsResponse,
  EditionDetailResponse,
  FestivalFilmPageResponse,
  FestivalListResponse,
  FilmFestivalsResponse,
  type DayScreenings,
  type EditionDetail,
  type FestivalFilm,
  type FestivalList,
  type FilmFestivals,
} from './programme.response.js';
import { ListDayScreenings } from './queries/day-screenings/day-screenings.query.js';
import { EditionFilmsRequest } from './queries/edition-films/edition-films.request.js';
import { ListEditionFilms } from './queries/edition-films/edition-films.query.js';
import { GetFilmFestivals } from './queries/film-festivals/film-festivals.query.js';
import { GetEdition } from './queries/get-edition/get-edition.query.js';
import { ListFestivals } from './queries/list-festivals/list-festivals.query.js';
import { FILM_REFERENCE } from '../../catalog/films/film-reference.param.js';
import { FESTIVAL, NO_EDITION, YEAR } from './edition.param.js';

/** The programme as festival-goers browse it; public. */
@ApiTags('festivals')
@Public()
@Controller()
export class FestivalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('festivals')
  @ApiOperation({ summary: 'Every festival with its editions (newest first); unpaged' })
  @ApiOkResponse({ type: FestivalListResponse })
  @VALID_TOKEN
  festivals(): Promise<FestivalList> {
    return this.queries.execute(new ListFestivals());
  }

  @Get('festivals/:festival/:year')
  @FESTIVAL
  @YEAR
  @ApiOperation({ summary: 'An edition: dates, zone, prices, strands, days and continents with counts' })
  @ApiOkResponse({ type: EditionDetailResponse })
  @NO_EDITION
  edition(@Param('festival') festival: string, @Param('year') year: string): Promise<EditionDetail> {
    return this.queries.execute(new GetEdition(festival, year));
  }

  @Get('festivals/:festival/:year/films')
  @FESTIVAL
  @YEAR
  @ApiOperation({
    summary:
      'The edition’s films by title, paged; filters combine. With day, only films screening that local day and only those screenings',
  })
  @ApiOkResponse({ type: FestivalFilmPageResponse })
  @ApiProblem(400, 'A bad day, continent, country, limit or cursor, named')
  @ApiProblem(404, 'No such festival or edition, or no such strand in it')
  films(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Query() { limit, cursor, ...filter }: EditionFilmsRequest,
  ): Promise<Page<FestivalFilm>> {
    return this.queries.execute(new ListEditionFilms(festival, year, filter, { limit, cursor }));
  }

  @Get('festivals/:festival/:year/screenings')
  @FESTIVAL
  @YEAR
  @ApiQuery({ name: 'day', required: true, example: '2008-08-16', description: 'A date YYYY-MM-DD' })
  @ApiOperation({
    summary:
      'The screenings starting on a festival day (local date), by start; a day outside the edition has none (an empty list)',
  })
  @ApiOkResponse({ type: DayScreeningsResponse })
  @ApiProblem(400, 'day is missing or not a date, named')
  @NO_EDITION
  day(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Query('day') day: string,
  ): Promise<DayScreenings> {
    return this.queries.execute(new ListDayScreenings(festival, year, day));
  }

  @Get('films/:idOrSlug/festivals')
  @FILM_REFERENCE
  @ApiOperation({
    summary: 'The festival editions that selected the film, newest first, with its screenings',
  })
  @ApiOkResponse({ type: FilmFestivalsResponse })
  @NO_FILM
  filmFestivals(@Param('idOrSlug') film: string): Promise<FilmFestivals> {
    return this.queries.execute(new GetFilmFestivals(film));
  }
}
