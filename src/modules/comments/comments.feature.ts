import type { Feature } from '../../platform/features/feature.js';
import { reportNoteRule } from '../reportable/domain/report-personal-text.js';
import { COMMENT_KIND } from './domain/comment.events.js';
import { CreateCommentTables1764028800000 } from './comments.migration.js';
import { CommentsModule } from './comments.module.js';
import { commentsProjection } from './projections/comments.projection.js';

export const commentsFeature: Feature = {
  name: 'comments',
  httpModules: [CommentsModule],
  projections: [commentsProjection],
  migrations: [CreateCommentTables1764028800000],
  personalText: {
    events: {
      CommentPosted: { fields: ['body'], owner: (data) => data.authorId as string },
      CommentEdited: { fields: ['body'], owner: 'stream' },
      ...reportNoteRule(COMMENT_KIND),
    },
    streams: [{ prefix: 'comment-', founder: 'CommentPosted', owner: (data) => data.authorId as string }],
  },
};
