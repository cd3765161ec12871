import { CreateEventStore1763683200000 } from '#event-store';
import { CreateProjectionTables1763683300000 } from '#projections';
import { CreateCatalogTables1763769600000 } from '../../modules/catalog/catalog.migration.js';
import { CreateIdentityTables1763769500000 } from '../../modules/identity/identity.migration.js';

/** Every migration, oldest first. Listed explicitly so the build, jest and the CLI agree. */
export const migrations = [
  CreateEventStore1763683200000,
  CreateProjectionTables1763683300000,
  CreateIdentityTables1763769500000,
  CreateCatalogTables1763769600000,
];
