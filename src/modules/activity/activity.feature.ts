import type { Feature } from '../../platform/features/feature.js';
import { CoverActivityActorIndex1763942560000 } from './activity-covering-index.migration.js';
import { CreateActivityListVisibility1764115300000 } from './activity-list-visibility.migration.js';
import { AddRatedActivity1765200000001 } from './activity-ratings.migration.js';
import { AddActivityRecentIndex1765710000000 } from './activity-recent-index.migration.js';
import { CreateActivityWithheld1764029000000 } from './activity-withheld.migration.js';
import { CreateActivityTable1763942500000 } from './activity.migration.js';
import { ActivityModule } from './activity.module.js';
import { activityProjection } from './projections/activity.projection.js';

export const activityFeature: Feature = {
  name: 'activity',
  httpModules: [ActivityModule],
  projections: [activityProjection],
  migrations: [
    CreateActivityTable1763942500000,
    CoverActivityActorIndex1763942560000,
    CreateActivityWithheld1764029000000,
    CreateActivityListVisibility1764115300000,
    AddRatedActivity1765200000001,
    AddActivityRecentIndex1765710000000,
  ],
};
