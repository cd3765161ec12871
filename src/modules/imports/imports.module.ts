import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { StartImportHandler } from './commands/start-import/start-import.command.js';
import { ImportsController } from './imports.controller.js';
import { GetImportHandler } from './queries/get-import.query.js';
import { GetMemberImportsHandler } from './queries/member-imports.query.js';

/** Bringing a member's history from Letterboxd, iCheckMovies and IMDb (the jobs run in ImportJobsModule). */
@Module({
  imports: [
    // No storage given: the upload is held in memory, up to IMPORT_MAX_BYTES (a 413 past it).
    MultipartModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.imports.maxBytes, files: 1, fields: 4 },
      }),
    }),
  ],
  controllers: [ImportsController],
  providers: [StartImportHandler, GetImportHandler, GetMemberImportsHandler],
  // The upload limits, for the web's upload form too.
  exports: [MultipartModule],
})
export class ImportsModule {}
