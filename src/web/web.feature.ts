import type { Feature } from '../platform/features/feature.js';
import { WebModule } from './web.module.js';

/** The pages: over the other features' commands and queries, with no read model of their own. */
export const webFeature: Feature = { name: 'web', httpModules: [WebModule] };
