import type { Feature } from '../../platform/features/feature.js';
import { AddCatalogueDeferredIndexes1765920000000 } from './catalogue-deferred-indexes.migration.js';
import { CreateCatalogTables1763769600000 } from './catalog.migration.js';
import { CatalogModule } from './catalog.module.js';
import { AddFilmReleaseOrder1765810000000 } from './film-release-order.migration.js';
import { AddFilmTitleKeys1765930000000 } from './film-title-keys.migration.js';
import { AddPersonSlugs1765550000000 } from './person-slugs.migration.js';

/** Reference data written in plain SQL: no projection of its own. */
export const catalogFeature: Feature = {
  name: 'catalog',
  httpModules: [CatalogModule],
  migrations: [
    CreateCatalogTables1763769600000,
    AddPersonSlugs1765550000000,
    AddFilmReleaseOrder1765810000000,
    AddCatalogueDeferredIndexes1765920000000,
    AddFilmTitleKeys1765930000000,
  ],
};
