import type { Feature } from '../../platform/features/feature.js';
import { AddDiary1765300000000 } from './diary.migration.js';
import { CreateFilmLogTables1763856000000 } from './film-log.migration.js';
import { FilmLogModule } from './film-log.module.js';
import { diaryProjection } from './projections/diary.projection.js';
import { filmStatsProjection } from './projections/film-stats.projection.js';
import { userFilmStateProjection } from './projections/user-film-state.projection.js';
import { AddFilmRatings1765200000000 } from './ratings.migration.js';

export const filmLogFeature: Feature = {
  name: 'film-log',
  httpModules: [FilmLogModule],
  projections: [userFilmStateProjection, filmStatsProjection, diaryProjection],
  migrations: [CreateFilmLogTables1763856000000, AddFilmRatings1765200000000, AddDiary1765300000000],
};
