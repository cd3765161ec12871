import fc from 'fast-check';
import { HOSTILE_STRINGS } from './hostile-values.js';
import type { Draft, RequestCase } from './request-cases.js';

/** A way of damaging a request; `applies` says whether the operation has the part it damages. */
export interface Family {
  readonly name: string;
  /** Sent once per operation, never drawn at random (answered the same whatever the route, or slow). */
  readonly once?: boolean;
  /** Waits out a bounded timeout on purpose: sent once, and with one identity only. */
  readonly slow?: boolean;
  applies(draft: Draft): boolean;
  cases(draft: Draft): fc.Arbitrary<RequestCase>;
}

/** Text of every awkward kind: the pools, any code points, any UTF-16 code units. */
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  // Any UTF-16 code units, lone surrogates included.
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 })
      .map((units) => String.fromCharCode(...units)),
  },
);

/** Names no request DTO has. */
export const UNKNOWN_NAMES = ['isAdmin', 'roles', 'ownerId', 'id', '$where', 'ütf', '😀', 'a.b', ''];
