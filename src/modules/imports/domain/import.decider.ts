import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import type { ImportEvent } from './import.events.js';

/** Unmatched rows and row errors listed in an import's result; their counts stay exact. */
export const LISTED_ROWS_MAX = 1000;

export type ImportCommand =
  | ({ readonly type: 'StartImport' } & Extract<ImportEvent, { type: 'ImportStarted' }>['data'])
  | { readonly type: 'RecordImportProgress'; readonly done: number; readonly total: number }
  | ({ readonly type: 'CompleteImport' } & Extract<ImportEvent, { type: 'ImportCompleted' }>['data'])
  | { readonly type: 'FailImport'; readonly reason: string };

export type ImportStatus = 'none' | 'queued' | 'running' | 'completed' | 'failed';

export interface ImportState {
  readonly status: ImportStatus;
  readonly memberId: string | null;
  readonly done: number;
}

const started = (state: ImportState): void => {
  if (state.status === 'none') throw new DomainRuleViolation('import-not-started', 'No import has that id.');
};

const finished = (state: ImportState): boolean => state.status === 'completed' || state.status === 'failed';

/**
 * One import's course: started once, progress that only goes forward, then completed or failed
 * once. A job run again after a crash repeats its commands; once finished, they change nothing.
 */
export const importDecider: Decider<ImportCommand, ImportEvent, ImportState> = {
  initialState: { status: 'none', memberId: null, done: 0 },

  decide(command, state) {
    switch (command.type) {
      case 'StartImport': {
        if (state.status !== 'none') return [];
        const { memberId, source, fileName, sha256, size } = command;
        return [{ type: 'ImportStarted', data: { memberId, source, fileName, sha256, size } }];
      }
      case 'RecordImportProgress':
        started(state);
        if (finished(state) || (command.done <= state.done && state.status === 'running')) return [];
        return [{ type: 'ImportProgressed', data: { done: command.done, total: command.total } }];
      case 'CompleteImport': {
        started(state);
        if (finished(state)) return [];
        const { counts, unmatched, rowErrors, notImported } = command;
        return [{ type: 'ImportCompleted', data: { counts, unmatched, rowErrors, notImported } }];
      }
      case 'FailImport':
        started(state);
        return finished(state) ? [] : [{ type: 'ImportFailed', data: { reason: command.reason } }];
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ImportStarted':
        return { ...state, status: 'queued', memberId: event.data.memberId };
      case 'ImportProgressed':
        return { ...state, status: 'running', done: Math.max(state.done, event.data.done) };
      case 'ImportCompleted':
        return { ...state, status: 'completed' };
      case 'ImportFailed':
        return { ...state, status: 'failed' };
      default:
        return unreachable(event);
    }
  },
};
