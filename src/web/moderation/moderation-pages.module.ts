import { Module } from '@nestjs/common';

/** The moderation pages (see src/web/README.md). */
@Module({ controllers: [] })
export class ModerationPagesModule {}
