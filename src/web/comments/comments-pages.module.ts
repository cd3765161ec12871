import { Module } from '@nestjs/common';
import { CommentsModule } from '../../modules/comments/comments.module.js';
import { CommentPagesController } from './comments-pages.controller.js';

/**
 * Posting, editing, deleting and reporting comments from a film page. The comments module's own
 * rate limiter: a member has one allowance, wherever they post.
 */
@Module({ imports: [CommentsModule], controllers: [CommentPagesController] })
export class CommentPagesModule {}
