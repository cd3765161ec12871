import type { Feature } from '../../platform/features/feature.js';
import { CreateExportTables1765912300000 } from './exports.migration.js';
import { ExportsModule } from './exports.module.js';
import { ExportJobsModule } from './jobs/run-export.job.js';
import { exportsTriggersProjection } from './projections/exports-triggers.projection.js';
import { exportsProjection } from './projections/exports.projection.js';

export const exportsFeature: Feature = {
  name: 'exports',
  httpModules: [ExportsModule],
  workerModules: [ExportJobsModule],
  projections: [exportsProjection, exportsTriggersProjection],
  migrations: [CreateExportTables1765912300000],
};
