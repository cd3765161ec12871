import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { LogFilmHandler } from './commands/log-film/log-film.command.js';
import { FilmLogController } from './film-log.controller.js';
import { GetFilmStateHandler } from './queries/get-film-state/get-film-state.query.js';
import { GetFilmStatsHandler } from './queries/get-film-stats/get-film-stats.query.js';

/** Check, favourite, dislike, watchlist: events per member and film; their read models and statistics. */
@Module({
  imports: [CatalogModule],
  controllers: [FilmLogController],
  providers: [LogFilmHandler, GetFilmStateHandler, GetFilmStatsHandler],
})
export class FilmLogModule {}
