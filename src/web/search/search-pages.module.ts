import { Module } from '@nestjs/common';
import { SearchPagesController } from './search-pages.controller.js';

/** The film search page, with the catalogue's filters and paging. */
@Module({ controllers: [SearchPagesController] })
export class SearchPagesModule {}
