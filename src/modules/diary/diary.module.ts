import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { SocialModule } from '../social/social.module.js';
import {
  ChangeDiaryEntryHandler,
  DeleteDiaryEntryHandler,
  LogDiaryEntryHandler,
} from './commands/diary.commands.js';
import { DiaryEntryKeys } from './diary-entry-keys.js';
import { DiaryController } from './diary.controller.js';
import { ListDiaryHandler } from './queries/list-diary.query.js';

/** The diary: one entry per viewing, on the member's film-log stream, and its pages. */
@Module({
  // Social gives Members: usernames in paths.
  imports: [CatalogModule, SocialModule],
  controllers: [DiaryController],
  providers: [
    DiaryEntryKeys,
    LogDiaryEntryHandler,
    ChangeDiaryEntryHandler,
    DeleteDiaryEntryHandler,
    ListDiaryHandler,
  ],
  exports: [DiaryEntryKeys],
})
export class DiaryModule {}
