import type { Feature } from '../../platform/features/feature.js';
import { DiscoveryModule } from './discovery.module.js';
import { AddPopularityErasedDays1765940000000 } from './popularity-erased-days.migration.js';
import { CreatePopularity1765700000000 } from './popularity.migration.js';
import { popularityProjection } from './projections/popularity.projection.js';

export const discoveryFeature: Feature = {
  name: 'discovery',
  httpModules: [DiscoveryModule],
  projections: [popularityProjection],
  migrations: [CreatePopularity1765700000000, AddPopularityErasedDays1765940000000],
};
