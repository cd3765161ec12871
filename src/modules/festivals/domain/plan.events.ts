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
