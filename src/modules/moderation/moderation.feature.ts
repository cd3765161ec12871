import type { Feature } from '../../platform/features/feature.js';
import { ModerationJobsModule } from './jobs/auto-hide.job.js';
import { CreateModerationTables1764028900000 } from './moderation.migration.js';
import { ModerationModule } from './moderation.module.js';
import { moderationTriggersProjection } from './projections/moderation-triggers.projection.js';
import { moderationProjection } from './projections/moderation.projection.js';
import { ModerateReviews1765400000001 } from './reviews-moderation.migration.js';

export const moderationFeature: Feature = {
  name: 'moderation',
  httpModules: [ModerationModule],
  workerModules: [ModerationJobsModule],
  projections: [moderationProjection, moderationTriggersProjection],
  migrations: [CreateModerationTables1764028900000, ModerateReviews1765400000001],
};
