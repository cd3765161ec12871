import { applyDecorators, Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, MEMBER_WRITE, NO_FILM } from '../../common/openapi/problem-responses.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { CheckFilmRequest } from './commands/log-film/check-film.request.js';
import { LogFilm } from './commands/log-film/log-film.command.js';
import { RateFilmRequest } from './commands/log-film/rate-film.request.js';
import type { FilmLogCommand, FilmLogState } from './domain/film-log.decider.js';
import {
  FilmLogResultResponse,
  FilmStateResponse,
  FilmStatsResponse,
  type FilmLogResult,
  type FilmStats,
} from './film-log.response.js';
import { GetFilmState } from './queries/get-film-state/get-film-state.query.js';
import { GetFilmStats } from './queries/get-film-stats/get-film-stats.query.js';
import { commentsProjection } from '../comments/projections/comments.projection.js';
import { filmStatsProjection } from './projections/film-stats.projection.js';
import { userFilmStateProjection } from './projections/user-film-state.projection.js';
import { FILM_REFERENCE } from '../catalog/films/film-reference.param.js';

/** Documentation shared by the film-log writes. */
const FilmLogWrite = (summary: string): MethodDecorator =>
  applyDecorators(
    FILM_REFERENCE,
    ApiOperation({ summary: `${summary}; repeating it changes nothing and answers the same state` }),
    ApiOkResponse({ type: FilmLogResultResponse }),
    MEMBER_WRITE,
    NO_FILM,
  );

@ApiTags('film log')
@Controller()
export class FilmLogController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('films/:idOrSlug/check')
  @FilmLogWrite(
    'Check a film (seen it), optionally with the date it was watched; a new date replaces the old',
  )
  @ApiProblem(400, 'watchedOn is not a real date from 1870 to today')
  check(
    @Actor() actor: Actor,
    @Param('idOrSlug') film: string,
    @Body() body: CheckFilmRequest,
  ): Promise<FilmLogResult> {
    return this.log(actor, film, { type: 'CheckFilm', watchedOn: body.watchedOn });
  }

  @Delete('films/:idOrSlug/check')
  @FilmLogWrite('Uncheck a film; its favourite, dislike and rating go too, the watchlist stays')
  uncheck(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'UncheckFilm' });
  }

  @Put('films/:idOrSlug/favourite')
  @FilmLogWrite('Favourite a film; checks it when unchecked and takes back a dislike')
  favourite(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'FavouriteFilm' });
  }

  @Delete('films/:idOrSlug/favourite')
  @FilmLogWrite('Take back a favourite; the film stays checked')
  unfavourite(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'UnfavouriteFilm' });
  }

  @Put('films/:idOrSlug/dislike')
  @FilmLogWrite('Dislike a film; checks it when unchecked and takes back a favourite')
  dislike(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'DislikeFilm' });
  }

  @Delete('films/:idOrSlug/dislike')
  @FilmLogWrite('Take back a dislike; the film stays checked')
  undislike(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'UndislikeFilm' });
  }

  @Put('films/:idOrSlug/watchlist')
  @FilmLogWrite('Put a film on the watchlist')
  watchlist(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'AddFilmToWatchlist' });
  }

  @Delete('films/:idOrSlug/watchlist')
  @FilmLogWrite('Take a film off the watchlist')
  unwatchlist(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'RemoveFilmFromWatchlist' });
  }

  @Put('films/:idOrSlug/rating')
  @FilmLogWrite(
    'Rate a film from half a star to five; checks it when unchecked, and a new rating replaces the old',
  )
  @ApiProblem(400, 'rating is not a number from 0.5 to 5 in steps of 0.5')
  rate(@Actor() actor: Actor, @Param('idOrSlug') film: string, @Body() body: RateFilmRequest) {
    return this.log(actor, film, { type: 'RateFilm', rating: body.rating });
  }

  @Delete('films/:idOrSlug/rating')
  @FilmLogWrite('Take back a rating; the film stays checked')
  unrate(@Actor() actor: Actor, @Param('idOrSlug') film: string) {
    return this.log(actor, film, { type: 'RemoveFilmRating' });
  }

  @Get('me/films/:idOrSlug')
  @FILM_REFERENCE
  @ConsistentRead(userFilmStateProjection)
  @ApiOperation({ summary: 'The signed-in member’s marks on a film (all false/null when never touched)' })
  @ApiOkResponse({ type: FilmStateResponse })
  @NO_FILM
  state(@CurrentUser() user: SignedInUser, @Param('idOrSlug') film: string): Promise<FilmLogState> {
    return this.queries.execute(new GetFilmState(user.id, film));
  }

  @Public()
  @Get('films/:idOrSlug/stats')
  @FILM_REFERENCE
  @ConsistentRead(filmStatsProjection, commentsProjection)
  @ApiOperation({
    summary: 'A film’s statistics: marks counted, favourite and dislike percents of checks (one decimal)',
  })
  @ApiOkResponse({ type: FilmStatsResponse })
  @NO_FILM
  stats(@Param('idOrSlug') film: string): Promise<FilmStats> {
    return this.queries.execute(new GetFilmStats(film));
  }

  private log({ user, context }: Actor, film: string, action: FilmLogCommand): Promise<FilmLogResult> {
    return this.commands.execute(new LogFilm(user.id, film, action, context));
  }
}
