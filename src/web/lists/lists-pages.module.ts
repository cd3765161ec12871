import { Module } from '@nestjs/common';
import { ListsModule } from '../../modules/lists/lists.module.js';
import { ListPagesController } from './lists-pages.controller.js';

/** A list's page: its ranked films and the reader's progress and award. */
@Module({ imports: [ListsModule], controllers: [ListPagesController] })
export class ListPagesModule {}
