import { Body, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { GetFilmActivity } from '../../modules/activity/queries/get-film-activity/get-film-activity.query.js';
import { GetFriendsWhoChecked } from '../../modules/activity/queries/get-friends-who-checked/get-friends-who-checked.query.js';
import { GetFilm } from '../../modules/catalog/queries/get-film/get-film.query.js';
import { LogFilm } from '../../modules/film-log/commands/log-film/log-film.command.js';
import type { FilmLogCommand } from '../../modules/film-log/domain/film-log.decider.js';
import { GetFilmState } from '../../modules/film-log/queries/get-film-state/get-film-state.query.js';
import { GetFilmStats } from '../../modules/film-log/queries/get-film-stats/get-film-stats.query.js';
import { GetFilmLists } from '../../modules/lists/queries/film-lists/film-lists.query.js';
import { loadFilmComments } from '../comments/film-comments.js';
import { loadFilmReviews } from '../reviews/film-reviews.js';
import { REVIEWS_PAGE_PARAM, REVIEWS_SORT_PARAM } from '../reviews/review-parts.js';
import { WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import { SignInRequired } from '../http/web-metadata.js';
import type { WebRequest } from '../http/web-request.js';
import { FilmView, type FilmMark } from './film-views.js';
import { filmPath } from '../views/film-words.js';
import { loadFilmFestivals } from './film-festivals-loader.js';
import { filledText } from '../http/forms.js';
import { isRating } from '../../modules/film-log/domain/rating.js';

/** Recent activity shown per page; older items are a link away. */
const ACTIVITY_PAGE = 10;
const FRIENDS_PAGE = 20;

/** The command each mark's button runs, pressed on or off: the same ones as the API's PUT and DELETE. */
const COMMANDS: Record<FilmMark, { on: FilmLogCommand; off: FilmLogCommand }> = {
  check: { on: { type: 'CheckFilm' }, off: { type: 'UncheckFilm' } },
  favourite: { on: { type: 'FavouriteFilm' }, off: { type: 'UnfavouriteFilm' } },
  dislike: { on: { type: 'DislikeFilm' }, off: { type: 'UndislikeFilm' } },
  watchlist: { on: { type: 'AddFilmToWatchlist' }, off: { type: 'RemoveFilmFromWatchlist' } },
};

type FormBody = Record<string, unknown> | undefined;

/** What the star input asks: the stars chosen, or their removal; anything else is named back. */
function ratingCommand(body: FormBody): FilmLogCommand {
  if (body?.['remove'] === 'on') return { type: 'RemoveFilmRating' };
  const text = body?.['rating'];
  const rating = typeof text === 'string' && /^[0-5](\.[05])?$/.test(text) ? Number(text) : Number.NaN;
  if (!isRating(rating)) {
    throw new InvalidInputException([{ field: 'rating', message: 'Choose from half a star to five stars' }]);
  }
  return { type: 'RateFilm', rating };
}

/** A film's page and the reader's marks on it. */
@WebPages()
export class FilmPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('film/:slug')
  async film(
    @Param('slug') reference: string,
    @Req() request: WebRequest,
    @Query('cursor') cursor: unknown,
    @Query('activity') activityCursor: unknown,
    @Query(REVIEWS_SORT_PARAM) reviewSort: unknown,
    @Query(REVIEWS_PAGE_PARAM) reviewCursor: unknown,
  ) {
    const reader = request.reader ?? null;
    const film = await this.queries.execute(new GetFilm(reference));
    const [stats, lists, activity, state, friends, reviews, comments, festivals] = await Promise.all([
      this.queries.execute(new GetFilmStats(film.id)),
      this.queries.execute(new GetFilmLists(film.id)),
      this.queries.execute(
        new GetFilmActivity(film.id, { limit: ACTIVITY_PAGE, cursor: filledText(activityCursor) }),
      ),
      reader ? this.queries.execute(new GetFilmState(reader.id, film.id)) : null,
      reader
        ? this.queries.execute(new GetFriendsWhoChecked(reader.id, film.id, { limit: FRIENDS_PAGE }))
        : null,
      loadFilmReviews(this.queries, { id: film.id, slug: film.slug }, reader, {
        sort: reviewSort,
        cursor: reviewCursor,
      }),
      loadFilmComments(this.queries, { id: film.id, slug: film.slug }, reader, filledText(cursor)),
      loadFilmFestivals(this.queries, film.id, reader),
    ]);
    return view(FilmView, {
      film,
      stats,
      lists,
      activity,
      state,
      friends,
      reviews,
      comments,
      festivals,
    });
  }

  // One route per mark: a `:mark` parameter would also take the comments' POST /film/:slug/comments.
  @Post('film/:slug/check')
  @SignInRequired()
  check(@Actor() actor: Actor, @Param('slug') film: string, @Body() body: FormBody) {
    return this.mark(actor, film, 'check', body);
  }

  @Post('film/:slug/favourite')
  @SignInRequired()
  favourite(@Actor() actor: Actor, @Param('slug') film: string, @Body() body: FormBody) {
    return this.mark(actor, film, 'favourite', body);
  }

  @Post('film/:slug/dislike')
  @SignInRequired()
  dislike(@Actor() actor: Actor, @Param('slug') film: string, @Body() body: FormBody) {
    return this.mark(actor, film, 'dislike', body);
  }

  @Post('film/:slug/watchlist')
  @SignInRequired()
  watchlist(@Actor() actor: Actor, @Param('slug') film: string, @Body() body: FormBody) {
    return this.mark(actor, film, 'watchlist', body);
  }

  /** The star input: `rating` sets the stars, `remove` takes them back. */
  @Post('film/:slug/rating')
  @SignInRequired()
  async rate(@Actor() actor: Actor, @Param('slug') film: string, @Body() body: FormBody) {
    const command = ratingCommand(body);
    const result = await this.commands.execute(new LogFilm(actor.user.id, film, command, actor.context));
    return seeOther(filmPath(film), result.position);
  }

  /** Runs the mark's command, pressed on or off, and goes back to the film, which waits for it. */
  private async mark(
    { user, context }: Actor,
    reference: string,
    mark: FilmMark,
    body: FormBody,
  ): Promise<SeeOther> {
    const on = body?.on;
    if (on !== 'on' && on !== 'off') {
      throw new InvalidInputException([{ field: 'on', message: 'on must be "on" or "off"' }]);
    }
    const result = await this.commands.execute(new LogFilm(user.id, reference, COMMANDS[mark][on], context));
    return seeOther(filmPath(reference), result.position);
  }
}
