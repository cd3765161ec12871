import { Module } from '@nestjs/common';

/** Comments on film pages: post, edit, delete, report, and the visible comments of a film. */
@Module({})
export class CommentsModule {}
