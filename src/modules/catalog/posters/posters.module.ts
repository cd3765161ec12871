import { Module } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { READ_MODEL_POOL } from '../../../platform/database/database.module.js';
import { FilmReferences } from '../films/film-references.js';
import { FilmPosters } from './film-posters.js';
import { IMAGE_STORE, LocalDiskImageStore } from './image-store.js';
import { PostersController } from './posters.controller.js';

/** Films' posters: uploads made into WebP variants, kept behind the image store port, served by URL. */
@Module({
  controllers: [PostersController],
  providers: [
    {
      provide: IMAGE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskImageStore(config.imagesDir),
    },
    {
      provide: FilmReferences,
      inject: [READ_MODEL_POOL],
      useFactory: (pool: pg.Pool) => new FilmReferences(pool),
    },
    FilmPosters,
  ],
  exports: [FilmPosters],
})
export class PostersModule {}
