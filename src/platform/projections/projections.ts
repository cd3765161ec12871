import type { Projection } from '#projections';
import { membersProjection } from '../../modules/identity/projections/members.projection.js';

/** Every read-model projection of the application; feature modules add theirs here. */
export const projections: readonly Projection[] = [membersProjection];
