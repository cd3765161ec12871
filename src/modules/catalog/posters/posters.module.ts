import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { CatalogModule } from '../catalog.module.js';
import { FilmPosters } from './film-posters.js';
import { IMAGE_STORE } from './image-store.js';
import { imageStoreOf } from './image-store-of.js';
import { PostersController } from './posters.controller.js';
import { GetPostersHandler } from './queries/get-posters.query.js';

/** Films' posters: uploads made into WebP variants, kept behind the image store port, served by URL. */
@Module({
  // The catalogue's FilmReferences: the one that reads the primary, where a new film is at once.
  imports: [CatalogModule],
  controllers: [PostersController],
  providers: [
    {
      provide: IMAGE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => imageStoreOf(config),
    },
    FilmPosters,
    GetPostersHandler,
  ],
  exports: [FilmPosters],
})
export class PostersModule {}
