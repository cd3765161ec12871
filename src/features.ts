import { CreateEventStore1763683200000 } from '#event-store';
import { AddProjectionHalts1764288000000, CreateProjectionTables1763683300000 } from '#projections';
import type { Projection } from '#projections';
import type { Type } from '@nestjs/common';
import { activityFeature } from './modules/activity/activity.feature.js';
import { catalogFeature } from './modules/catalog/catalog.feature.js';
import { postersFeature } from './modules/catalog/posters/posters.feature.js';
import { commentsFeature } from './modules/comments/comments.feature.js';
import { diaryFeature } from './modules/diary/diary.feature.js';
import { discoveryFeature } from './modules/discovery/discovery.feature.js';
import { exportsFeature } from './modules/exports/exports.feature.js';
import { festivalsFeature } from './modules/festivals/festivals.feature.js';
import { filmLogFeature } from './modules/film-log/film-log.feature.js';
import { identityFeature } from './modules/identity/identity.feature.js';
import { importsFeature } from './modules/imports/imports.feature.js';
import { listsFeature } from './modules/lists/lists.feature.js';
import { memberStatsFeature } from './modules/member-stats/member-stats.feature.js';
import { moderationFeature } from './modules/moderation/moderation.feature.js';
import { reviewsFeature } from './modules/reviews/reviews.feature.js';
import { socialFeature } from './modules/social/social.feature.js';
import { inTimestampOrder, type Feature, type MigrationClass } from './platform/features/feature.js';
import { CreateJobOutbox1764028700000 } from './platform/jobs/job-outbox.migration.js';
import { CreateMemberKeys1765900000000 } from './platform/personal-data/member-keys.migration.js';
import type { PersonalTextRules } from './platform/personal-data/personal-text-rules.js';
import { webFeature } from './web/web.feature.js';

/**
 * The composition root: every feature of the application. A new feature declares itself in its
 * own `<feature>.feature.ts` and is added here; nothing below src/modules names it.
 */
export const features: readonly Feature[] = [
  identityFeature,
  catalogFeature,
  postersFeature,
  filmLogFeature,
  socialFeature,
  diaryFeature,
  activityFeature,
  commentsFeature,
  reviewsFeature,
  moderationFeature,
  listsFeature,
  importsFeature,
  exportsFeature,
  festivalsFeature,
  memberStatsFeature,
  discoveryFeature,
  webFeature,
];

/** The tables the platform itself needs: the event store, projection checkpoints, the job outbox. */
const platformMigrations: readonly MigrationClass[] = [
  CreateEventStore1763683200000,
  CreateProjectionTables1763683300000,
  CreateJobOutbox1764028700000,
  AddProjectionHalts1764288000000,
  CreateMemberKeys1765900000000,
];

/** Every migration, oldest first, so the server, the CLIs and the tests apply the same schema. */
export const migrations: readonly MigrationClass[] = inTimestampOrder([
  ...platformMigrations,
  ...features.flatMap((feature) => feature.migrations ?? []),
]);

/** Every read model the projection engine keeps. */
export const projections: readonly Projection[] = features.flatMap((feature) => feature.projections ?? []);

export const httpModules: readonly Type[] = features.flatMap((feature) => feature.httpModules ?? []);

export const workerModules: readonly Type[] = features.flatMap((feature) => feature.workerModules ?? []);

/** Every event field that holds a member's personal text, and whose it is. */
export const personalTextRules: PersonalTextRules = {
  events: Object.assign({}, ...features.map((feature) => feature.personalText?.events ?? {})),
  streams: features.flatMap((feature) => feature.personalText?.streams ?? []),
};
