import type { Feature } from '../../platform/features/feature.js';
import { CreateListTables1764115200000 } from './lists.migration.js';
import { ListsModule } from './lists.module.js';
import { listsProjection } from './projections/lists.projection.js';

export const listsFeature: Feature = {
  name: 'lists',
  httpModules: [ListsModule],
  projections: [listsProjection],
  migrations: [CreateListTables1764115200000],
};
