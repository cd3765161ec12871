import { Module } from '@nestjs/common';
import { ImportsModule } from '../../modules/imports/imports.module.js';
import { ImportPagesController } from './imports-pages.controller.js';

/** The member's imports: the upload form, their imports, and each one's progress and result. */
// ImportsModule gives the upload limits (its MultipartModule) to the form's file interceptor.
@Module({ imports: [ImportsModule], controllers: [ImportPagesController] })
export class ImportPagesModule {}
