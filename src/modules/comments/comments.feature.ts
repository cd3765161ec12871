import type { Feature } from '../../platform/features/feature.js';
import { CreateCommentTables1764028800000 } from './comments.migration.js';
import { CommentsModule } from './comments.module.js';
import { commentsProjection } from './projections/comments.projection.js';

export const commentsFeature: Feature = {
  name: 'comments',
  httpModules: [CommentsModule],
  projections: [commentsProjection],
  migrations: [CreateCommentTables1764028800000],
};
