import { Module } from '@nestjs/common';
import { DiscoveryController } from './discovery.controller.js';
import { PopularFilmsHandler } from './queries/popular-films/popular-films.query.js';

/** Popular films by period and facet, from the popularity read model. */
@Module({
  controllers: [DiscoveryController],
  providers: [PopularFilmsHandler],
})
export class DiscoveryModule {}
