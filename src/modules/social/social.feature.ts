import type { Feature } from '../../platform/features/feature.js';
import { followsProjection } from './projections/follows.projection.js';
import { userStatsProjection } from './projections/user-stats.projection.js';
import { AddProfileRatings1765200000002 } from './profile-ratings.migration.js';
import { CreateSocialTables1763942400000 } from './social.migration.js';
import { SocialModule } from './social.module.js';

export const socialFeature: Feature = {
  name: 'social',
  httpModules: [SocialModule],
  projections: [userStatsProjection, followsProjection],
  migrations: [CreateSocialTables1763942400000, AddProfileRatings1765200000002],
};
