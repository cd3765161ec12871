import type { Feature } from '../../platform/features/feature.js';
import { IMPORT_STREAM_PREFIX } from './domain/import.events.js';
import { CreateImportTables1764201600000 } from './imports.migration.js';
import { ImportsModule } from './imports.module.js';
import { ImportJobsModule } from './jobs/run-import.job.js';
import { importsTriggersProjection } from './projections/imports-triggers.projection.js';
import { importsProjection } from './projections/imports.projection.js';

export const importsFeature: Feature = {
  name: 'imports',
  httpModules: [ImportsModule],
  workerModules: [ImportJobsModule],
  projections: [importsProjection, importsTriggersProjection],
  migrations: [CreateImportTables1764201600000],
  // The upload's name, and what the import says about it: its rows name the file.
  personalText: {
    events: {
      ImportStarted: { fields: ['fileName'], owner: (data) => data.memberId as string },
      ImportCompleted: {
        fields: ['unmatched', 'rowErrors', 'notImported'],
        owner: 'stream',
        erased: { unmatched: [], rowErrors: [], notImported: {} },
      },
      ImportFailed: { fields: ['reason'], owner: 'stream' },
    },
    streams: [
      { prefix: IMPORT_STREAM_PREFIX, founder: 'ImportStarted', owner: (data) => data.memberId as string },
    ],
  },
};
