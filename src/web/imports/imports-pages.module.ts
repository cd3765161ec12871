import { Module } from '@nestjs/common';
import { ExportsModule } from '../../modules/exports/exports.module.js';
import { ImportsModule } from '../../modules/imports/imports.module.js';
import { ExportPagesController } from './exports-pages.controller.js';
import { ImportPagesController } from './imports-pages.controller.js';

/** The member's imports (the upload form, their imports, each one's progress and result) and exports. */
// ImportsModule gives the upload limits (its MultipartModule) to the form's file interceptor.
@Module({
  imports: [ImportsModule, ExportsModule],
  controllers: [ImportPagesController, ExportPagesController],
})
export class ImportPagesModule {}
