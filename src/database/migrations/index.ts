import { CreateEventStore1763683200000 } from '#event-store';
import { AddProjectionHalts1764288000000, CreateProjectionTables1763683300000 } from '#projections';
import { CoverActivityActorIndex1763942560000 } from '../../modules/activity/activity-covering-index.migration.js';
import { CreateActivityWithheld1764029000000 } from '../../modules/activity/activity-withheld.migration.js';
import { CreateActivityListVisibility1764115300000 } from '../../modules/activity/activity-list-visibility.migration.js';
import { CreateActivityTable1763942500000 } from '../../modules/activity/activity.migration.js';
import { CreateCommentTables1764028800000 } from '../../modules/comments/comments.migration.js';
import { CreateCatalogTables1763769600000 } from '../../modules/catalog/catalog.migration.js';
import { CreateFilmLogTables1763856000000 } from '../../modules/film-log/film-log.migration.js';
import { CreateIdentityTables1763769500000 } from '../../modules/identity/identity.migration.js';
import { CreateFestivalTables1765000000000 } from '../../modules/festivals/festivals.migration.js';
import { CreateImportTables1764201600000 } from '../../modules/imports/imports.migration.js';
import { CreateListTables1764115200000 } from '../../modules/lists/lists.migration.js';
import { CreateModerationTables1764028900000 } from '../../modules/moderation/moderation.migration.js';
import { CreateSocialTables1763942400000 } from '../../modules/social/social.migration.js';
import { CreateJobOutbox1764028700000 } from '../../platform/jobs/job-outbox.migration.js';

/** Every migration, oldest first. Listed explicitly so the build, jest and the CLI agree. */
export const migrations = [
  CreateEventStore1763683200000,
  CreateProjectionTables1763683300000,
  CreateIdentityTables1763769500000,
  CreateCatalogTables1763769600000,
  CreateFilmLogTables1763856000000,
  CreateSocialTables1763942400000,
  CreateActivityTable1763942500000,
  CoverActivityActorIndex1763942560000,
  CreateJobOutbox1764028700000,
  CreateCommentTables1764028800000,
  CreateModerationTables1764028900000,
  CreateActivityWithheld1764029000000,
  CreateListTables1764115200000,
  CreateActivityListVisibility1764115300000,
  CreateImportTables1764201600000,
  AddProjectionHalts1764288000000,
  CreateFestivalTables1765000000000,
];
