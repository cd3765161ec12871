import fc from 'fast-check';
import { BODY_FAMILIES } from './body-families.js';
import type { Family } from './family.js';
import { MULTIPART_FAMILIES } from './multipart-families.js';
import { OVERSIZED_FAMILIES, PARAMETER_FAMILIES } from './parameter-families.js';
import type { Draft, RequestCase } from './request-cases.js';

export const FAMILIES: readonly Family[] = [
  ...BODY_FAMILIES,
  ...MULTIPART_FAMILIES,
  ...PARAMETER_FAMILIES,
  ...OVERSIZED_FAMILIES,
];

/**
 * `count` damaged requests for one operation: one of every family that applies, then random
 * draws among the others, all from `seed`.
 */
export function casesFor(draft: Draft, count: number, seed: number): RequestCase[] {
  const families = FAMILIES.filter((family) => family.applies(draft));
  const firsts = families.map((family, index) => {
    const first = fc.sample(family.cases(draft), { seed: seed + index, numRuns: 1 })[0]!;
    return family.slow ? { ...first, slow: true } : first;
  });
  const quick = families.filter((family) => !family.once).map((family) => family.cases(draft));
  const rest = fc.sample(fc.oneof(...quick), { seed, numRuns: Math.max(0, count - firsts.length) });
  return [...firsts, ...rest];
}
