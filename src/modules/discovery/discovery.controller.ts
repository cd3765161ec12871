import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem } from '../../common/openapi/problem-responses.js';
import { DEFAULT_PAGE_SIZE, type Page } from '../../common/paging/index.js';
import { PopularFilmPageResponse, TrendingFilmPageResponse } from './discovery.response.js';
import { popularityProjection } from './projections/popularity.projection.js';
import { PopularFilms, type PopularFilm } from './queries/popular-films/popular-films.query.js';
import { PopularFilmsRequest } from './queries/popular-films/popular-films.request.js';
import { TrendingFilms, type TrendingFilm } from './queries/trending-films/trending-films.query.js';
import { TrendingFilmsRequest } from './queries/trending-films/trending-films.request.js';

/** What a visitor finds without searching: the films members mark most, and those marked more than usual this week. */
@ApiTags('discovery')
@Controller('films')
export class DiscoveryController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get('popular')
  @ConsistentRead(popularityProjection)
  @ApiOperation({
    summary:
      'The most marked films of a period (today, week, month, all), optionally of a genre, decade, country or language',
  })
  @ApiOkResponse({ type: PopularFilmPageResponse })
  @ApiProblem(400, 'A bad parameter (period, decade, country, language, limit, cursor), named')
  popular(@Query() query: PopularFilmsRequest): Promise<Page<PopularFilm>> {
    return this.queries.execute(
      new PopularFilms({ ...query, period: query.period ?? 'week', limit: query.limit ?? DEFAULT_PAGE_SIZE }),
    );
  }

  @Public()
  @Get('trending')
  @ConsistentRead(popularityProjection)
  @ApiOperation({
    summary:
      'Films marked in the last 7 days ahead of their own pace over the 23 days before, optionally of a genre, decade, country or language',
  })
  @ApiOkResponse({ type: TrendingFilmPageResponse })
  @ApiProblem(400, 'A bad parameter (decade, country, language, limit, cursor), named')
  trending(@Query() query: TrendingFilmsRequest): Promise<Page<TrendingFilm>> {
    return this.queries.execute(new TrendingFilms({ ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE }));
  }
}
