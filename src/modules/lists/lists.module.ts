import { Module } from '@nestjs/common';

/** Official and personal lists: items and ranks, editions, visibility, progress and awards. */
@Module({})
export class ListsModule {}
