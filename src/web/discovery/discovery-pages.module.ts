import { Module } from '@nestjs/common';
import { BrowsePagesController } from './browse-pages.controller.js';

/** Finding films without a search: the most marked films by period and facet. */
@Module({ controllers: [BrowsePagesController] })
export class DiscoveryPagesModule {}
