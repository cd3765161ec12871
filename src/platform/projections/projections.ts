import type { Projection } from '#projections';

/** Every read-model projection of the application; feature modules add theirs here. */
export const projections: readonly Projection[] = [];
