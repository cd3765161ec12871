import { DomainRuleViolation } from '#decider';
import { decideReports, evolveReports, NO_REPORTS, reportEventTypes, type Reports } from './reportable.js';

const REVIEW = { noun: 'review', prefix: 'Review' } as const;
const author = 'author';

const after = (reports: Reports, ...events: { type: string; data: unknown }[]): Reports =>
  events.reduce((state, event) => evolveReports(REVIEW, state, event) ?? state, reports);

describe('reportable texts', () => {
  it('names each kind’s facts with its prefix', () => {
    expect(reportEventTypes(REVIEW)).toEqual([
      'ReviewReported',
      'ReviewAutoHidden',
      'ReviewHidden',
      'ReviewRestored',
      'ReviewReportsDismissed',
    ]);
    expect(
      decideReports(
        REVIEW,
        { type: 'Report', reporterId: 'ana', reason: 'spoiler', note: null },
        NO_REPORTS,
        author,
      ),
    ).toEqual([{ type: 'ReviewReported', data: { reporterId: 'ana', reason: 'spoiler', note: null } }]);
  });

  it('refuses a report of your own text, and of one already hidden, with the kind’s codes', () => {
    const report = { type: 'Report', reporterId: author, reason: 'spam', note: null } as const;
    expect(() => decideReports(REVIEW, report, NO_REPORTS, author)).toThrow(
      expect.objectContaining({ code: 'cannot-report-own-review' }) as unknown as DomainRuleViolation,
    );
    const hidden = { ...NO_REPORTS, hiding: 'auto' } as const;
    expect(() => decideReports(REVIEW, { ...report, reporterId: 'ben' }, hidden, author)).toThrow(
      expect.objectContaining({ code: 'review-hidden' }) as unknown as DomainRuleViolation,
    );
  });

  it('takes one report per member, hides at the threshold, and a decision closes the round', () => {
    const reported = after(
      NO_REPORTS,
      { type: 'ReviewReported', data: { reporterId: 'ana' } },
      { type: 'ReviewReported', data: { reporterId: 'ben' } },
    );
    expect(
      decideReports(
        REVIEW,
        { type: 'Report', reporterId: 'ana', reason: 'spam', note: null },
        reported,
        author,
      ),
    ).toEqual([]);
    expect(decideReports(REVIEW, { type: 'AutoHide', threshold: 3 }, reported, author)).toEqual([]);
    expect(decideReports(REVIEW, { type: 'AutoHide', threshold: 2 }, reported, author)).toEqual([
      { type: 'ReviewAutoHidden', data: { reports: 2 } },
    ]);
    const dismissed = after(reported, { type: 'ReviewReportsDismissed', data: {} });
    expect(dismissed).toEqual({ hiding: 'none', reporters: ['ana', 'ben'], openReporters: [] });
    expect(
      decideReports(REVIEW, { type: 'Dismiss', moderatorId: 'mo', reason: null }, dismissed, author),
    ).toEqual([]);
    const hidden = after(dismissed, { type: 'ReviewHidden', data: {} });
    expect(hidden.hiding).toBe('moderator');
    expect(decideReports(REVIEW, { type: 'Hide', moderatorId: 'mo', reason: 'x' }, hidden, author)).toEqual(
      [],
    );
    expect(
      decideReports(REVIEW, { type: 'Restore', moderatorId: 'mo', reason: null }, hidden, author),
    ).toEqual([{ type: 'ReviewRestored', data: { moderatorId: 'mo', reason: null } }]);
  });

  it('leaves other events to the kind', () => {
    expect(evolveReports(REVIEW, NO_REPORTS, { type: 'ReviewPosted', data: {} })).toBeNull();
    expect(evolveReports(REVIEW, NO_REPORTS, { type: 'CommentReported', data: {} })).toBeNull();
  });
});
