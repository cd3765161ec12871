import { Module } from '@nestjs/common';
import { DiscoveryController } from './discovery.controller.js';
import { PopularFilmsHandler } from './queries/popular-films/popular-films.query.js';
import { TrendingFilmsHandler } from './queries/trending-films/trending-films.query.js';

/** Popular and trending films by facet, from the popularity read model. */
@Module({
  controllers: [DiscoveryController],
  providers: [PopularFilmsHandler, TrendingFilmsHandler],
})
export class DiscoveryModule {}
