import { unreachable, type Decider } from '#decider';
import type { PlanEvent, PlanVisibility } from './plan.events.js';

/** The edition travels with each command: the stream alone does not say it to `decide`. */
export type PlanCommand =
  | { readonly type: 'PlanScreening'; readonly editionId: string; readonly screeningId: string }
  | { readonly type: 'UnplanScreening'; readonly editionId: string; readonly screeningId: string }
  | {
      readonly type: 'ChangePlanVisibility';
      readonly editionId: string;
      readonly visibility: PlanVisibility;
    };

export interface PlanState {
  /** Sorted, so equal plans are equal states. */
  readonly screeningIds: readonly string[];
  readonly visibility: PlanVisibility;
}

const initialState: PlanState = { screeningIds: [], visibility: 'private' };

function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'PlanScreening':
      if (state.screeningIds.includes(command.screeningId)) return [];
      return [
        {
          type: 'ScreeningPlanned',
          data: { editionId: command.editionId, screeningId: command.screeningId },
        },
      ];
    case 'UnplanScreening':
      if (!state.screeningIds.includes(command.screeningId)) return [];
      return [
        {
          type: 'ScreeningUnplanned',
          data: { editionId: command.editionId, screeningId: command.screeningId },
        },
      ];
    case 'ChangePlanVisibility':
      if (state.visibility === command.visibility) return [];
      return [
        {
          type: 'PlanVisibilityChanged',
          data: { editionId: command.editionId, visibility: command.visibility },
        },
      ];
    default:
      return unreachable(command);
  }
}

function evolve(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'ScreeningPlanned':
      if (state.screeningIds.includes(event.data.screeningId)) return state;
      return { ...state, screeningIds: [...state.screeningIds, event.data.screeningId].sort() };
    case 'ScreeningUnplanned':
      return { ...state, screeningIds: state.screeningIds.filter((id) => id !== event.data.screeningId) };
    case 'PlanVisibilityChanged':
      return { ...state, visibility: event.data.visibility };
    default:
      return unreachable(event);
  }
}

/** A member's plan for one edition: which screenings, and who may see it. */
export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = { decide, evolve, initialState };
