import { Module } from '@nestjs/common';
import { ModerationPagesController } from './moderation-pages.controller.js';

/** The moderation pages: the queue of reported comments with the decisions on them, and the log. */
@Module({ controllers: [ModerationPagesController] })
export class ModerationPagesModule {}
