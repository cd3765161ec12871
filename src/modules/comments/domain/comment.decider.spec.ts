import { DomainRuleViolation, given } from '#decider';
import {
  CommentActionForbidden,
  commentDecider,
  CommentNotFound,
  type CommentCommand,
} from './comment.decider.js';
import { type CommentEvent } from './comment.events.js';

const author = '6a0e1f3c-0000-4000-8000-000000000001';
const other = '6a0e1f3c-0000-4000-8000-000000000002';
const moderator = '6a0e1f3c-0000-4000-8000-000000000003';
const third = '6a0e1f3c-0000-4000-8000-000000000004';
const fourth = '6a0e1f3c-0000-4000-8000-000000000005';
const filmId = '6a0e1f3c-0000-4000-8000-0000000000f1';

const post: CommentCommand = { type: 'PostComment', filmId, authorId: author, body: 'Lovely film.' };
const posted: CommentEvent = {
  type: 'CommentPosted',
  data: { filmId, authorId: author, body: 'Lovely film.' },
};
const edited = (body: string): CommentEvent => ({ type: 'CommentEdited', data: { body } });
const deleted = (byModerator: boolean): CommentEvent => ({ type: 'CommentDeleted', data: { byModerator } });
const reported = (reporterId: string): CommentEvent => ({
  type: 'CommentReported',
  data: { reporterId, reason: 'spam', note: null },
});
const autoHidden = (reports: number): CommentEvent => ({ type: 'CommentAutoHidden', data: { reports } });
const hidden: CommentEvent = { type: 'CommentHidden', data: { moderatorId: moderator, reason: 'rude' } };
const restored: CommentEvent = { type: 'CommentRestored', data: { moderatorId: moderator, reason: null } };
const dismissed: CommentEvent = {
  type: 'CommentReportsDismissed',
  data: { moderatorId: moderator, reason: 'fine' },
};

const edit = (editorId: string, body = 'Changed my mind.', editorModerates = false): CommentCommand => ({
  type: 'EditComment',
  editorId,
  editorModerates,
  body,
});
const remove = (actorId: string, actorModerates = false): CommentCommand => ({
  type: 'DeleteComment',
  actorId,
  actorModerates,
});
const report = (reporterId: string, reporterModerates = false): CommentCommand => ({
  type: 'ReportComment',
  reporterId,
  reporterModerates,
  reason: 'spam',
  note: null,
});
const autoHide: CommentCommand = { type: 'AutoHideComment', threshold: 3 };
const hide: CommentCommand = { type: 'HideComment', moderatorId: moderator, reason: 'rude' };
const restore: CommentCommand = { type: 'RestoreComment', moderatorId: moderator, reason: null };
const dismiss: CommentCommand = { type: 'DismissReports', moderatorId: moderator, reason: 'fine' };

/** Three distinct reports: enough to auto-hide at the threshold of 3. */
const threeReports = [reported(other), reported(third), reported(fourth)];
const autoHiddenHistory = [posted, ...threeReports, autoHidden(3)];

describe('comment decider', () => {
  describe('PostComment', () => {
    it('posts a new comment', () => given(commentDecider).when(post).then([posted]));

    it('answers a retry with the same body with nothing new (the same comment)', () => {
      given(commentDecider, [posted]).when(post).then([]);
      given(commentDecider, [posted, edited('later')])
        .when(post)
        .then([]);
    });

    it('refuses the same idempotency key for a different body, film or author', () => {
      for (const retry of [
        { ...post, body: 'Something else.' },
        { ...post, filmId: other },
        { ...post, authorId: other },
      ] as const)
        given(commentDecider, [posted])
          .when(retry)
          .thenThrows(DomainRuleViolation, { code: 'idempotency-key-reused' });
    });

    it('knows the author, the film and the body after posting', () =>
      given(commentDecider)
        .when(post)
        .thenState({
          ...commentDecider.initialState,
          posted: true,
          filmId,
          authorId: author,
          postedBody: 'Lovely film.',
          body: 'Lovely film.',
        }));
  });

  describe('EditComment', () => {
    it('lets the author edit', () =>
      given(commentDecider, [posted])
        .when(edit(author))
        .then([edited('Changed my mind.')]));

    it('changes nothing when the body is the same', () =>
      given(commentDecider, [posted]).when(edit(author, 'Lovely film.')).then([]));

    it('keeps the posted body for idempotent retries after an edit', () =>
      given(commentDecider, [posted])
        .when(edit(author))
        .thenState({
          ...commentDecider.initialState,
          posted: true,
          filmId,
          authorId: author,
          postedBody: 'Lovely film.',
          body: 'Changed my mind.',
        }));

    it('forbids anyone else, moderators included', () => {
      given(commentDecider, [posted]).when(edit(other)).thenThrows(CommentActionForbidden);
      given(commentDecider, [posted])
        .when(edit(moderator, 'Mine now.', true))
        .thenThrows(CommentActionForbidden);
    });

    it('lets the author edit a hidden comment; others are told it does not exist', () => {
      given(commentDecider, [posted, hidden])
        .when(edit(author))
        .then([edited('Changed my mind.')]);
      given(commentDecider, [posted, hidden]).when(edit(other)).thenThrows(CommentNotFound);
    });

    it('refuses a moderator, who sees the hidden comment, rather than hiding it from them', () =>
      given(commentDecider, [posted, hidden])
        .when(edit(moderator, 'Mine now.', true))
        .thenThrows(CommentActionForbidden));

    it('finds no comment never posted or deleted', () => {
      given(commentDecider).when(edit(author)).thenThrows(CommentNotFound);
      given(commentDecider, [posted, deleted(false)])
        .when(edit(author))
        .thenThrows(CommentNotFound);
    });
  });

  describe('DeleteComment', () => {
    it('lets the author delete', () =>
      given(commentDecider, [posted])
        .when(remove(author))
        .then([deleted(false)]));

    it('lets a moderator delete, noting it was a moderator', () =>
      given(commentDecider, [posted])
        .when(remove(moderator, true))
        .then([deleted(true)]));

    it('counts an author who moderates as the author', () =>
      given(commentDecider, [posted])
        .when(remove(author, true))
        .then([deleted(false)]));

    it('forbids other members', () =>
      given(commentDecider, [posted]).when(remove(other)).thenThrows(CommentActionForbidden));

    it('lets the author and moderators delete a hidden comment; others do not see it', () => {
      given(commentDecider, autoHiddenHistory)
        .when(remove(author))
        .then([deleted(false)]);
      given(commentDecider, autoHiddenHistory)
        .when(remove(moderator, true))
        .then([deleted(true)]);
      given(commentDecider, autoHiddenHistory).when(remove(other)).thenThrows(CommentNotFound);
    });

    it('finds no comment never posted or already deleted', () => {
      given(commentDecider).when(remove(author)).thenThrows(CommentNotFound);
      given(commentDecider, [posted, deleted(false)])
        .when(remove(author))
        .thenThrows(CommentNotFound);
      given(commentDecider, [posted, deleted(true)])
        .when(remove(moderator, true))
        .thenThrows(CommentNotFound);
    });

    it('closes the open review', () =>
      given(commentDecider, [posted, reported(other)])
        .when(remove(author))
        .thenState({
          ...commentDecider.initialState,
          posted: true,
          deleted: true,
          filmId,
          authorId: author,
          postedBody: 'Lovely film.',
          body: 'Lovely film.',
          reporters: [other],
          openReporters: [],
        }));
  });

  describe('ReportComment', () => {
    it('records a report with its reason and note', () =>
      given(commentDecider, [posted])
        .when({
          type: 'ReportComment',
          reporterId: other,
          reporterModerates: false,
          reason: 'spoiler',
          note: 'ending',
        })
        .then([{ type: 'CommentReported', data: { reporterId: other, reason: 'spoiler', note: 'ending' } }]));

    it('changes nothing on a second report by the same member', () =>
      given(commentDecider, [posted, reported(other)])
        .when(report(other))
        .then([]));

    it('takes no second report from a member whose first was dismissed', () =>
      given(commentDecider, [posted, reported(other), dismissed])
        .when(report(other))
        .then([]));

    it('refuses a report on your own comment', () =>
      given(commentDecider, [posted])
        .when(report(author))
        .thenThrows(DomainRuleViolation, { code: 'cannot-report-own-comment' }));

    it('finds no comment never posted or deleted', () => {
      given(commentDecider).when(report(other)).thenThrows(CommentNotFound);
      given(commentDecider, [posted, deleted(false)])
        .when(report(other))
        .thenThrows(CommentNotFound);
    });

    it('hides a hidden comment from a reporting member; a moderator is told it is hidden', () => {
      given(commentDecider, autoHiddenHistory).when(report(moderator)).thenThrows(CommentNotFound);
      given(commentDecider, autoHiddenHistory)
        .when(report(moderator, true))
        .thenThrows(DomainRuleViolation, { code: 'comment-hidden' });
      given(commentDecider, [posted, hidden])
        .when(report(moderator, true))
        .thenThrows(DomainRuleViolation, { code: 'comment-hidden' });
    });

    it('opens a new review after a restore', () =>
      given(commentDecider, [...autoHiddenHistory, restored])
        .when(report(moderator, true))
        .then([reported(moderator)]));
  });

  describe('AutoHideComment', () => {
    it('hides once the open reports reach the threshold', () =>
      given(commentDecider, [posted, ...threeReports])
        .when(autoHide)
        .then([autoHidden(3)]));

    it('waits while the open reports are below the threshold', () =>
      given(commentDecider, [posted, reported(other), reported(third)])
        .when(autoHide)
        .then([]));

    it('does not count reports a moderator already decided on', () =>
      given(commentDecider, [posted, reported(other), reported(third), dismissed, reported(fourth)])
        .when(autoHide)
        .then([]));

    it('is idempotent: a hidden comment is not hidden again', () => {
      given(commentDecider, autoHiddenHistory).when(autoHide).then([]);
      given(commentDecider, [posted, ...threeReports, hidden])
        .when(autoHide)
        .then([]);
    });

    it('leaves deleted and unknown comments alone', () => {
      given(commentDecider, [posted, ...threeReports, deleted(false)])
        .when(autoHide)
        .then([]);
      given(commentDecider).when(autoHide).then([]);
    });
  });

  describe('HideComment', () => {
    it('hides a visible comment', () => given(commentDecider, [posted]).when(hide).then([hidden]));

    it('confirms an auto-hide as the moderator’s decision', () =>
      given(commentDecider, autoHiddenHistory).when(hide).then([hidden]));

    it('changes nothing when a moderator already hid it', () =>
      given(commentDecider, [posted, hidden]).when(hide).then([]));

    it('finds no comment never posted or deleted', () => {
      given(commentDecider).when(hide).thenThrows(CommentNotFound);
      given(commentDecider, [posted, deleted(false)])
        .when(hide)
        .thenThrows(CommentNotFound);
    });

    it('closes the open review', () =>
      given(commentDecider, [posted, reported(other)])
        .when(hide)
        .thenState({
          ...commentDecider.initialState,
          posted: true,
          filmId,
          authorId: author,
          postedBody: 'Lovely film.',
          body: 'Lovely film.',
          hiding: 'moderator',
          reporters: [other],
          openReporters: [],
        }));
  });

  describe('RestoreComment', () => {
    it('restores an auto-hidden or moderator-hidden comment', () => {
      given(commentDecider, autoHiddenHistory).when(restore).then([restored]);
      given(commentDecider, [posted, hidden]).when(restore).then([restored]);
    });

    it('closes an open review of a visible comment', () =>
      given(commentDecider, [posted, reported(other)])
        .when(restore)
        .then([restored]));

    it('changes nothing on a visible comment with no open review', () => {
      given(commentDecider, [posted]).when(restore).then([]);
      given(commentDecider, [...autoHiddenHistory, restored])
        .when(restore)
        .then([]);
    });

    it('finds no comment never posted or deleted', () => {
      given(commentDecider).when(restore).thenThrows(CommentNotFound);
      given(commentDecider, [...autoHiddenHistory, deleted(true)])
        .when(restore)
        .thenThrows(CommentNotFound);
    });
  });

  describe('DismissReports', () => {
    it('dismisses the open reports, lifting an auto-hide', () => {
      given(commentDecider, [posted, reported(other)])
        .when(dismiss)
        .then([dismissed]);
      given(commentDecider, autoHiddenHistory)
        .when(dismiss)
        .thenState({
          ...commentDecider.initialState,
          posted: true,
          filmId,
          authorId: author,
          postedBody: 'Lovely film.',
          body: 'Lovely film.',
          hiding: 'none',
          reporters: [other, third, fourth],
          openReporters: [],
        });
    });

    it('changes nothing without open reports', () => {
      given(commentDecider, [posted]).when(dismiss).then([]);
      given(commentDecider, [posted, reported(other), dismissed])
        .when(dismiss)
        .then([]);
      given(commentDecider, [posted, reported(other), hidden])
        .when(dismiss)
        .then([]);
    });

    it('finds no comment never posted or deleted', () => {
      given(commentDecider).when(dismiss).thenThrows(CommentNotFound);
      given(commentDecider, [posted, reported(other), deleted(false)])
        .when(dismiss)
        .thenThrows(CommentNotFound);
    });
  });
});
