import type { Projection } from '#projections';
import { activityProjection } from '../../modules/activity/projections/activity.projection.js';
import { commentsProjection } from '../../modules/comments/projections/comments.projection.js';
import { filmStatsProjection } from '../../modules/film-log/projections/film-stats.projection.js';
import { userFilmStateProjection } from '../../modules/film-log/projections/user-film-state.projection.js';
import { membersProjection } from '../../modules/identity/projections/members.projection.js';
import { followsProjection } from '../../modules/social/projections/follows.projection.js';
import { userStatsProjection } from '../../modules/social/projections/user-stats.projection.js';
import { moderationProjection } from '../../modules/moderation/projections/moderation.projection.js';
import { moderationTriggersProjection } from '../../modules/moderation/projections/moderation-triggers.projection.js';
import { listsProjection } from '../../modules/lists/projections/lists.projection.js';
import { importsProjection } from '../../modules/imports/projections/imports.projection.js';
import { importsTriggersProjection } from '../../modules/imports/projections/imports-triggers.projection.js';
import { festivalPlansProjection } from '../../modules/festivals/plan/projections/festival-plans.projection.js';

/** Every read-model projection of the application; feature modules add theirs here. */
export const projections: readonly Projection[] = [
  membersProjection,
  userFilmStateProjection,
  filmStatsProjection,
  activityProjection,
  userStatsProjection,
  followsProjection,
  commentsProjection,
  moderationProjection,
  moderationTriggersProjection,
  listsProjection,
  importsProjection,
  importsTriggersProjection,
  festivalPlansProjection,
];
