import type { Feature } from '../../platform/features/feature.js';
import { reportNoteRule } from '../reportable/domain/report-personal-text.js';
import { REVIEW_KIND } from './domain/review.events.js';
import { LinkReviewsToDiaryEntries1765500000000 } from './diary-reviews.migration.js';
import { reviewsProjection } from './projections/reviews.projection.js';
import { CreateReviewTables1765400000000 } from './reviews.migration.js';
import { ReviewsModule } from './reviews.module.js';

export const reviewsFeature: Feature = {
  name: 'reviews',
  httpModules: [ReviewsModule],
  projections: [reviewsProjection],
  migrations: [CreateReviewTables1765400000000, LinkReviewsToDiaryEntries1765500000000],
  personalText: {
    events: {
      ReviewPosted: { fields: ['body'], owner: (data) => data.authorId as string },
      ReviewEdited: { fields: ['body'], owner: 'stream' },
      ...reportNoteRule(REVIEW_KIND),
    },
    streams: [{ prefix: 'review-', founder: 'ReviewPosted', owner: (data) => data.authorId as string }],
  },
};
