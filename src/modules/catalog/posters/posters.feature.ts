import type { Feature } from '../../../platform/features/feature.js';
import { CreateFilmPosters1765600000000 } from './posters.migration.js';
import { PostersModule } from './posters.module.js';

export const postersFeature: Feature = {
  name: 'posters',
  httpModules: [PostersModule],
  migrations: [CreateFilmPosters1765600000000],
};
