import { Module } from '@nestjs/common';

/** The moderation queue and log, moderator actions on comments and members. */
@Module({})
export class ModerationModule {}
