import { DomainRuleViolation, given } from '#decider';
import {
  ReviewActionForbidden,
  reviewDecider,
  ReviewNotFound,
  type ReviewCommand,
} from './review.decider.js';
import type { ReviewEvent } from './review.events.js';

const author = 'author';
const reader = { actorId: 'reader', moderates: false };
const moderator = { actorId: 'mod', moderates: true };
const text = { body: 'A slow, tender film.', spoilers: false, rating: 4 };
const posted: ReviewEvent = { type: 'ReviewPosted', data: { filmId: 'film', authorId: author, ...text } };
const hidden: ReviewEvent = { type: 'ReviewHidden', data: { moderatorId: 'mod', reason: 'abuse' } };
const liked = (memberId: string): ReviewEvent => ({ type: 'ReviewLiked', data: { memberId } });

describe('review decider', () => {
  it('posts a review once; the same post again changes nothing', () => {
    const post: ReviewCommand = { type: 'PostReview', filmId: 'film', authorId: author, ...text };
    given(reviewDecider).when(post).then([posted]);
    given(reviewDecider, [posted]).when(post).then([]);
    given(reviewDecider, [posted])
      .when({ ...post, authorId: 'someone else' })
      .thenThrows(DomainRuleViolation, { code: 'review-id-reused' });
  });

  it('names the diary entry it was written with, and only then', () => {
    const post: ReviewCommand = { type: 'PostReview', filmId: 'film', authorId: author, ...text };
    given(reviewDecider)
      .when({ ...post, diaryEntry: 'entry' })
      .then([{ type: 'ReviewPosted', data: { ...posted.data, diaryEntry: 'entry' } } as ReviewEvent]);
    given(reviewDecider)
      .when(post)
      .then([{ type: 'ReviewPosted', data: { filmId: 'film', authorId: author, ...text } }]);
  });

  it('refuses stars off the half-star grid', () =>
    given(reviewDecider)
      .when({ type: 'PostReview', filmId: 'film', authorId: author, ...text, rating: 4.2 })
      .thenThrows(RangeError));

  it('lets its author edit it, field by field, and nobody else', () => {
    given(reviewDecider, [posted])
      .when({ type: 'EditReview', actorId: author, moderates: false, spoilers: true })
      .then([{ type: 'ReviewEdited', data: { ...text, spoilers: true } }]);
    given(reviewDecider, [posted])
      .when({ type: 'EditReview', actorId: author, moderates: false, body: text.body, rating: 4 })
      .then([]);
    given(reviewDecider, [posted])
      .when({ type: 'EditReview', ...moderator, body: 'Edited' })
      .thenThrows(ReviewActionForbidden);
  });

  it('is liked once per member, never by its author, and unliked', () => {
    given(reviewDecider, [posted])
      .when({ type: 'LikeReview', ...reader })
      .then([liked('reader')]);
    given(reviewDecider, [posted, liked('reader')])
      .when({ type: 'LikeReview', ...reader })
      .then([]);
    given(reviewDecider, [posted])
      .when({ type: 'LikeReview', actorId: author, moderates: false })
      .thenThrows(DomainRuleViolation, { code: 'cannot-like-own-review' });
    given(reviewDecider, [posted, liked('reader')])
      .when({ type: 'UnlikeReview', ...reader })
      .then([{ type: 'ReviewUnliked', data: { memberId: 'reader' } }]);
    given(reviewDecider, [posted])
      .when({ type: 'UnlikeReview', ...reader })
      .then([]);
  });

  it('is deleted by its author or a moderator; a hidden one exists for them alone', () => {
    given(reviewDecider, [posted])
      .when({ type: 'DeleteReview', actorId: author, moderates: false })
      .then([{ type: 'ReviewDeleted', data: { byModerator: false } }]);
    given(reviewDecider, [posted])
      .when({ type: 'DeleteReview', ...moderator })
      .then([{ type: 'ReviewDeleted', data: { byModerator: true } }]);
    given(reviewDecider, [posted])
      .when({ type: 'DeleteReview', ...reader })
      .thenThrows(ReviewActionForbidden);
    given(reviewDecider, [posted, hidden])
      .when({ type: 'LikeReview', ...reader })
      .thenThrows(ReviewNotFound);
    given(reviewDecider)
      .when({ type: 'LikeReview', ...reader })
      .thenThrows(ReviewNotFound);
  });

  it('takes reports and moderator decisions by the rules comments follow', () => {
    const report = { type: 'Report', reporterId: 'reader', reason: 'spoiler', note: null } as const;
    given(reviewDecider, [posted])
      .when({ type: 'ModerateReview', ...reader, moderation: report })
      .then([{ type: 'ReviewReported', data: { reporterId: 'reader', reason: 'spoiler', note: null } }]);
    given(reviewDecider, [posted])
      .when({
        type: 'ModerateReview',
        actorId: author,
        moderates: false,
        moderation: { ...report, reporterId: author },
      })
      .thenThrows(DomainRuleViolation, { code: 'cannot-report-own-review' });
    given(reviewDecider, [posted])
      .when({
        type: 'ModerateReview',
        ...reader,
        moderation: { type: 'Hide', moderatorId: 'reader', reason: 'x' },
      })
      .thenThrows(ReviewActionForbidden);
    given(reviewDecider, [posted])
      .when({
        type: 'ModerateReview',
        ...moderator,
        moderation: { type: 'Hide', moderatorId: 'mod', reason: 'abuse' },
      })
      .then([hidden]);
    given(reviewDecider, [posted, { type: 'ReviewDeleted', data: { byModerator: false } }])
      .when({ type: 'ModerateReview', ...moderator, moderation: { type: 'AutoHide', threshold: 1 } })
      .then([]);
  });
});
