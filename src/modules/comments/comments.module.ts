import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { REDIS } from '../../platform/redis/redis.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { CommentRateLimiter } from './comment-rate-limiter.js';
import { CommentCommandRunner } from './commands/comment-command-runner.js';
import { DeleteCommentHandler } from './commands/delete-comment/delete-comment.command.js';
import { EditCommentHandler } from './commands/edit-comment/edit-comment.command.js';
import { PostCommentHandler } from './commands/post-comment/post-comment.command.js';
import { ReportCommentHandler } from './commands/report-comment/report-comment.command.js';
import { CommentsController } from './comments.controller.js';
import { GetCommentHandler } from './queries/get-comment/get-comment.query.js';
import { ListFilmCommentsHandler } from './queries/list-film-comments/list-film-comments.query.js';
import { TextViewers } from '../reportable/text-viewers.js';

const commandHandlers = [PostCommentHandler, EditCommentHandler, DeleteCommentHandler, ReportCommentHandler];
const queryHandlers = [ListFilmCommentsHandler, GetCommentHandler];

/** Comments on film pages: post, edit, delete, report, and the visible comments of a film. */
@Module({
  // Catalog gives FilmReferences; identity the authenticator that knows who moderates.
  imports: [CatalogModule, IdentityModule],
  controllers: [CommentsController],
  providers: [
    CommentCommandRunner,
    TextViewers,
    {
      provide: CommentRateLimiter,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) =>
        new CommentRateLimiter(redis, config.redisKeyPrefix, config.rateLimits.commentPerMinute),
    },
    ...commandHandlers,
    ...queryHandlers,
  ],
  exports: [CommentCommandRunner, TextViewers, CommentRateLimiter],
})
export class CommentsModule {}
