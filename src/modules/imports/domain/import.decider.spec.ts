import { DomainRuleViolation, given } from '#decider';
import { importDecider, type ImportCommand } from './import.decider.js';
import { type ImportEvent } from './import.events.js';

const MEMBER = '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10';
const start = {
  memberId: MEMBER,
  source: 'letterboxd',
  fileName: 'export.zip',
  sha256: 'ab'.repeat(32),
  size: 1234,
} as const;
const startedEvent: ImportEvent = { type: 'ImportStarted', data: start };
const progressed = (done: number, total = 10): ImportEvent => ({
  type: 'ImportProgressed',
  data: { done, total },
});
const result = {
  counts: { checked: 2, favourites: 1, watchlist: 0, lists: 0, unmatched: 1 },
  unmatched: [{ title: 'Nowhere', year: 1999, file: 'watched.csv', line: 3 }],
  rowErrors: [],
  notImported: { 'ratings.csv': 4 },
};
const completed: ImportEvent = { type: 'ImportCompleted', data: result };
const failed: ImportEvent = { type: 'ImportFailed', data: { reason: 'not a zip' } };

const complete: ImportCommand = { type: 'CompleteImport', ...result };
const fail: ImportCommand = { type: 'FailImport', reason: 'not a zip' };
const progress = (done: number): ImportCommand => ({ type: 'RecordImportProgress', done, total: 10 });

describe('import decider', () => {
  it('starts once', () => {
    given(importDecider)
      .when({ type: 'StartImport', ...start })
      .then([startedEvent]);
    given(importDecider, [startedEvent])
      .when({ type: 'StartImport', ...start })
      .then([]);
  });

  it('records progress that only goes forward; the first progress, even at 0, means it runs', () => {
    given(importDecider, [startedEvent])
      .when(progress(0))
      .then([progressed(0)]);
    given(importDecider, [startedEvent, progressed(5)])
      .when(progress(7))
      .then([progressed(7)]);
    // A job run again after a crash starts counting from 0: no step back.
    given(importDecider, [startedEvent, progressed(5)])
      .when(progress(3))
      .then([]);
    given(importDecider, [startedEvent, progressed(5)])
      .when(progress(5))
      .then([]);
    given(importDecider, [startedEvent, progressed(5)])
      .when(progress(3))
      .thenState({ status: 'running', memberId: MEMBER, done: 5 });
  });

  it('completes or fails once, and then takes no progress', () => {
    given(importDecider, [startedEvent, progressed(10)])
      .when(complete)
      .then([completed]);
    given(importDecider, [startedEvent]).when(fail).then([failed]);
    for (const end of [completed, failed])
      for (const command of [complete, fail, progress(11)])
        given(importDecider, [startedEvent, end]).when(command).then([]);
  });

  it('refuses anything on an import never started', () => {
    for (const command of [complete, fail, progress(1)])
      given(importDecider).when(command).thenThrows(DomainRuleViolation, { code: 'import-not-started' });
  });
});
