import { DomainRuleViolation, given } from '#decider';
import { exportDecider } from './export.decider.js';
import type { ExportEvent } from './export.events.js';

const MEMBER = '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10';
const requested: ExportEvent = { type: 'ExportRequested', data: { memberId: MEMBER } };
const progressed = (done: number): ExportEvent => ({ type: 'ExportProgressed', data: { done, total: 9 } });
const completed: ExportEvent = { type: 'ExportCompleted', data: { bytes: 2048 } };

describe('export decider', () => {
  it('is requested once', () => {
    given(exportDecider).when({ type: 'RequestExport', memberId: MEMBER }).then([requested]);
    given(exportDecider, [requested]).when({ type: 'RequestExport', memberId: MEMBER }).then([]);
  });

  it('records progress that only goes forward', () => {
    given(exportDecider, [requested])
      .when({ type: 'RecordExportProgress', done: 0, total: 9 })
      .then([progressed(0)]);
    given(exportDecider, [requested, progressed(3)])
      .when({ type: 'RecordExportProgress', done: 2, total: 9 })
      .then([]);
  });

  it('finishes once, and a finished export takes nothing more', () => {
    given(exportDecider, [requested]).when({ type: 'CompleteExport', bytes: 2048 }).then([completed]);
    given(exportDecider, [requested, completed]).when({ type: 'FailExport', reason: 'x' }).then([]);
    given(exportDecider, [requested, completed])
      .when({ type: 'RecordExportProgress', done: 9, total: 9 })
      .then([]);
  });

  it('refuses to move an export never requested', () => {
    given(exportDecider)
      .when({ type: 'CompleteExport', bytes: 1 })
      .thenThrows(DomainRuleViolation, { code: 'export-not-requested' });
  });
});
