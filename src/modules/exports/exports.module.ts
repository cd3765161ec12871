import { Module } from '@nestjs/common';
import { RequestExportHandler } from './commands/request-export/request-export.command.js';
import { ExportFiles } from './export-files.js';
import { ExportsController } from './exports.controller.js';
import { GetExportFileHandler } from './queries/get-export-file.query.js';
import { GetExportHandler } from './queries/get-export.query.js';
import { GetLatestExportHandler } from './queries/latest-export.query.js';

const commandHandlers = [RequestExportHandler];
const queryHandlers = [GetExportHandler, GetExportFileHandler, GetLatestExportHandler];

/** A member's data export: requested here, built by ExportJobsModule's job, downloaded here. */
@Module({
  controllers: [ExportsController],
  providers: [...commandHandlers, ...queryHandlers, ExportFiles],
  // Erasure removes a member's archives through it.
  exports: [ExportFiles],
})
export class ExportsModule {}
