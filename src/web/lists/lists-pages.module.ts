import { Module } from '@nestjs/common';
import { ListsModule } from '../../modules/lists/lists.module.js';
import { ListsIndexController } from './lists-index.controller.js';
import { ListPagesController } from './lists-pages.controller.js';

/** The lists index, and a list's page: its ranked films and the reader's progress and award. */
@Module({ imports: [ListsModule], controllers: [ListsIndexController, ListPagesController] })
export class ListPagesModule {}
