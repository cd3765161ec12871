/**
 * The public contract of a member's festival plan: one stream per member and edition
 * (`festivalplan-{memberId}.{editionId}`). Events carry the edition so a reader needs no stream parsing.
 */
export const PLAN_VISIBILITIES = ['private', 'friends', 'public'] as const;
export type PlanVisibility = (typeof PLAN_VISIBILITIES)[number];

export type PlanEvent =
  | {
      readonly type: 'ScreeningPlanned';
      readonly data: { readonly editionId: string; readonly screeningId: string };
      readonly occurredAt?: string;
    }
  | {
      readonly type: 'ScreeningUnplanned';
      readonly data: { readonly editionId: string; readonly screeningId: string };
      readonly occurredAt?: string;
    }
  | {
      readonly type: 'PlanVisibilityChanged';
      readonly data: { readonly editionId: string; readonly visibility: PlanVisibility };
      readonly occurredAt?: string;
    };

export const PLAN_EVENT_TYPES: readonly PlanEvent['type'][] = [
  'ScreeningPlanned',
  'ScreeningUnplanned',
  'PlanVisibilityChanged',
];

export const PLAN_STREAM_PREFIX = 'festivalplan-';

/** One stream per member and edition: their plan for that festival year. */
export const planStream = (memberId: string, editionId: string): string =>
  `${PLAN_STREAM_PREFIX}${memberId}.${editionId}`;

/** The member and edition a plan stream belongs to. */
export function parsePlanStream(streamId: string): { memberId: string; editionId: string } {
  const separator = streamId.indexOf('.', PLAN_STREAM_PREFIX.length);
  if (!streamId.startsWith(PLAN_STREAM_PREFIX) || separator < 0) {
    throw new RangeError(`Not a festival plan stream: ${streamId}`);
  }
  return {
    memberId: streamId.slice(PLAN_STREAM_PREFIX.length, separator),
    editionId: streamId.slice(separator + 1),
  };
}
