import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import type { ExportEvent } from './export.events.js';

export type ExportCommand =
  | { readonly type: 'RequestExport'; readonly memberId: string }
  | { readonly type: 'RecordExportProgress'; readonly done: number; readonly total: number }
  | { readonly type: 'CompleteExport'; readonly bytes: number }
  | { readonly type: 'FailExport'; readonly reason: string };

export type ExportStatus = 'none' | 'queued' | 'running' | 'completed' | 'failed';

export interface ExportState {
  readonly status: ExportStatus;
  readonly memberId: string | null;
  readonly done: number;
}

const requested = (state: ExportState): void => {
  if (state.status === 'none')
    throw new DomainRuleViolation('export-not-requested', 'No export has that id.');
};

const finished = (state: ExportState): boolean => state.status === 'completed' || state.status === 'failed';

/**
 * One export's course, as an import's: requested once, progress that only goes forward, then
 * completed or failed once. A job run again after a crash repeats its commands harmlessly.
 */
export const exportDecider: Decider<ExportCommand, ExportEvent, ExportState> = {
  initialState: { status: 'none', memberId: null, done: 0 },

  decide(command, state) {
    switch (command.type) {
      case 'RequestExport':
        return state.status === 'none'
          ? [{ type: 'ExportRequested', data: { memberId: command.memberId } }]
          : [];
      case 'RecordExportProgress':
        requested(state);
        if (finished(state) || (command.done <= state.done && state.status === 'running')) return [];
        return [{ type: 'ExportProgressed', data: { done: command.done, total: command.total } }];
      case 'CompleteExport':
        requested(state);
        return finished(state) ? [] : [{ type: 'ExportCompleted', data: { bytes: command.bytes } }];
      case 'FailExport':
        requested(state);
        return finished(state) ? [] : [{ type: 'ExportFailed', data: { reason: command.reason } }];
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ExportRequested':
        return { ...state, status: 'queued', memberId: event.data.memberId };
      case 'ExportProgressed':
        return { ...state, status: 'running', done: Math.max(state.done, event.data.done) };
      case 'ExportCompleted':
        return { ...state, status: 'completed' };
      case 'ExportFailed':
        return { ...state, status: 'failed' };
      default:
        return unreachable(event);
    }
  },
};
