import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import {
  DeleteReviewHandler,
  EditReviewHandler,
  LikeReviewHandler,
  PostReviewHandler,
  ReportReviewHandler,
  ReviewCommandRunner,
} from './commands/review.commands.js';
import { LikedReviewsHandler } from './queries/liked-reviews.query.js';
import { GetReviewHandler, ListFilmReviewsHandler } from './queries/review.queries.js';
import { TextViewers } from '../reportable/text-viewers.js';
import { ReviewsController } from './reviews.controller.js';

/** Reviews of films: one stream per review, likes, spoilers, reports; a film's reviews and each review. */
@Module({
  // Catalog gives FilmReferences; identity the authenticator that knows who moderates.
  imports: [CatalogModule, IdentityModule],
  controllers: [ReviewsController],
  providers: [
    TextViewers,
    ReviewCommandRunner,
    PostReviewHandler,
    EditReviewHandler,
    DeleteReviewHandler,
    LikeReviewHandler,
    ReportReviewHandler,
    ListFilmReviewsHandler,
    GetReviewHandler,
    LikedReviewsHandler,
  ],
})
export class ReviewsModule {}
