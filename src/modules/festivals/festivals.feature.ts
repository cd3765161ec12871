import type { Feature } from '../../platform/features/feature.js';
import { CreateFestivalTables1765000000000 } from './festivals.migration.js';
import { FestivalsModule } from './festivals.module.js';
import { festivalPlansProjection } from './plan/projections/festival-plans.projection.js';

export const festivalsFeature: Feature = {
  name: 'festivals',
  httpModules: [FestivalsModule],
  projections: [festivalPlansProjection],
  migrations: [CreateFestivalTables1765000000000],
};
