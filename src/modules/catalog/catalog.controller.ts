import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequireRole } from '../../common/auth/index.js';
import { DEFAULT_PAGE_SIZE } from '../../common/paging/index.js';
import { ApiProblem, NO_FILM } from '../../common/openapi/problem-responses.js';
import { CreateFilm } from './commands/create-film/create-film.command.js';
import { UpdateFilm } from './commands/update-film/update-film.command.js';
import type { Film } from './films/film.js';
import { FilmRequest } from './films/film-request.js';
import { FilmPageResponse, FilmResponse } from './films/film.response.js';
import { GetFilm } from './queries/get-film/get-film.query.js';
import { SearchFilms, type FilmPage } from './queries/search-films/search-films.query.js';
import { SearchFilmsRequest } from './queries/search-films/search-films.request.js';
import { FILM_REFERENCE } from './films/film-reference.param.js';

const EXTERNAL_ID_TAKEN = ApiProblem(409, 'An external id (imdb, tmdb) already belongs to another film');

@ApiTags('catalogue')
@Controller('films')
export class CatalogController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Search or list films; without q alphabetical by title, or newest first with sort=release; best matches first with q',
  })
  @ApiOkResponse({ type: FilmPageResponse })
  @ApiProblem(400, 'A bad parameter (limit, cursor, sort, year, language, country…), named')
  search(@Query() query: SearchFilmsRequest): Promise<FilmPage> {
    return this.queries.execute(new SearchFilms({ ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE }));
  }

  @Public()
  @Get(':idOrSlug')
  @FILM_REFERENCE
  @ApiOperation({ summary: 'One film with its credits and critic reviews' })
  @ApiOkResponse({ type: FilmResponse })
  @NO_FILM
  film(@Param('idOrSlug') reference: string): Promise<Film> {
    return this.queries.execute(new GetFilm(reference));
  }

  @RequireRole('admin')
  @Post()
  @ApiOperation({ summary: 'Add a film (admin); people by id, or by name (a new name creates the person)' })
  @ApiCreatedResponse({ type: FilmResponse })
  @ApiProblem(400, 'Bad or unknown fields, or a person id that does not exist, named')
  @EXTERNAL_ID_TAKEN
  create(@Body() body: FilmRequest): Promise<Film> {
    return this.commands.execute(new CreateFilm(body));
  }

  @RequireRole('admin')
  @Put(':idOrSlug')
  @FILM_REFERENCE
  @ApiOperation({ summary: 'Replace a film’s details (admin); its id and slug stay' })
  @ApiOkResponse({ type: FilmResponse })
  @NO_FILM
  @EXTERNAL_ID_TAKEN
  update(@Param('idOrSlug') reference: string, @Body() body: FilmRequest): Promise<Film> {
    return this.commands.execute(new UpdateFilm(reference, body));
  }
}
