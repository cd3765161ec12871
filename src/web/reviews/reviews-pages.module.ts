import { Module } from '@nestjs/common';
import { ReviewPagesController } from './reviews-pages.controller.js';

/**
 * Writing, reading, editing, deleting, liking and reporting reviews from a film's page and a
 * review's own page; the reviews module's commands and queries, on the buses. LikedReviews says
 * which reviews the reader likes, for the like buttons (the film page asks it too).
 */
@Module({ controllers: [ReviewPagesController] })
export class ReviewPagesModule {}
