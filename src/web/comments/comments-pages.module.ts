import { Module } from '@nestjs/common';

/** Posting, editing, deleting and reporting comments from a film page. */
@Module({ controllers: [] })
export class CommentPagesModule {}
