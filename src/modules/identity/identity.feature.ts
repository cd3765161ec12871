import type { Feature } from '../../platform/features/feature.js';
import { CreateIdentityTables1763769500000 } from './identity.migration.js';
import { IdentityModule } from './identity.module.js';
import { membersProjection } from './projections/members.projection.js';
import { AddTokenGeneration1765810000000 } from './token-generation.migration.js';

export const identityFeature: Feature = {
  name: 'identity',
  httpModules: [IdentityModule],
  projections: [membersProjection],
  migrations: [CreateIdentityTables1763769500000, AddTokenGeneration1765810000000],
};
