import type { Feature } from '../../platform/features/feature.js';
import { MemberStatsModule } from './member-stats.module.js';

/** Statistics over the film log's and the catalogue's read models: no read model of its own. */
export const memberStatsFeature: Feature = { name: 'member-stats', httpModules: [MemberStatsModule] };
