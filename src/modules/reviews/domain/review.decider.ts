import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import { isRating } from '../../film-log/domain/rating.js';
import {
  decideReports,
  evolveReports,
  NO_REPORTS,
  seenBy,
  type ReportCommand,
  type Reports,
} from '../../reportable/domain/reportable.js';
import { REVIEW_KIND, type ReviewEvent, type ReviewText } from './review.events.js';

/** Characters (code points) of a review's body after trimming. */
export const REVIEW_BODY_MAX = 20_000;

/** Who acts, and whether they moderate: moderators see hidden reviews. */
interface Actor {
  readonly actorId: string;
  readonly moderates: boolean;
}

export type ReviewCommand =
  | ({
      readonly type: 'PostReview';
      readonly filmId: string;
      readonly authorId: string;
      readonly diaryEntry?: string;
    } & ReviewText)
  /** Fields left undefined stay as they are. */
  | ({
      readonly type: 'EditReview';
      readonly body?: string;
      readonly spoilers?: boolean;
      readonly rating?: number | null;
    } & Actor)
  | ({ readonly type: 'DeleteReview' } & Actor)
  | ({ readonly type: 'LikeReview' } & Actor)
  | ({ readonly type: 'UnlikeReview' } & Actor)
  | ({ readonly type: 'ModerateReview'; readonly moderation: ReportCommand } & Actor);

export interface ReviewState extends Reports {
  readonly posted: boolean;
  readonly deleted: boolean;
  readonly filmId: string | null;
  readonly authorId: string | null;
  readonly text: ReviewText | null;
  /** Members who like it, in the order they did; never its author. */
  readonly likers: readonly string[];
}

/** The review does not exist for this reader (never posted, deleted, or hidden from them): a 404. */
export class ReviewNotFound extends Error {
  override readonly name = 'ReviewNotFound';

  constructor() {
    super('No review has that id.');
  }
}

/** The reader sees the review but may not do this to it: a 403. */
export class ReviewActionForbidden extends Error {
  override readonly name = 'ReviewActionForbidden';
}

const isGone = (state: ReviewState): boolean => !state.posted || state.deleted;

function existing(state: ReviewState, { actorId, moderates }: Actor): void {
  const text = { hidden: state.hiding !== 'none', authorId: state.authorId };
  if (isGone(state) || !seenBy(text, { id: actorId, moderates })) throw new ReviewNotFound();
}

const checkRating = (rating: number | null | undefined): void => {
  if (rating !== undefined && rating !== null && !isRating(rating))
    throw new RangeError(`Not a rating: ${rating}`);
};

function edit(state: ReviewState, command: Extract<ReviewCommand, { type: 'EditReview' }>): ReviewEvent[] {
  existing(state, command);
  if (state.authorId !== command.actorId)
    throw new ReviewActionForbidden('Only the author can edit a review.');
  checkRating(command.rating);
  const now = state.text!;
  const next: ReviewText = {
    body: command.body ?? now.body,
    spoilers: command.spoilers ?? now.spoilers,
    rating: command.rating === undefined ? now.rating : command.rating,
  };
  return next.body === now.body && next.spoilers === now.spoilers && next.rating === now.rating
    ? []
    : [{ type: 'ReviewEdited', data: next }];
}

function moderate(
  state: ReviewState,
  command: Extract<ReviewCommand, { type: 'ModerateReview' }>,
): ReviewEvent[] {
  const { moderation } = command;
  if (moderation.type === 'AutoHide')
    return isGone(state) ? [] : decideReports(REVIEW_KIND, moderation, state, state.authorId);
  if (moderation.type === 'Report') existing(state, command);
  else if (isGone(state)) throw new ReviewNotFound();
  else if (!command.moderates) throw new ReviewActionForbidden('Only a moderator decides on a review.');
  return decideReports(REVIEW_KIND, moderation, state, state.authorId);
}

export const reviewDecider: Decider<ReviewCommand, ReviewEvent, ReviewState> = {
  initialState: {
    ...NO_REPORTS,
    posted: false,
    deleted: false,
    filmId: null,
    authorId: null,
    text: null,
    likers: [],
  },

  decide(command, state) {
    switch (command.type) {
      case 'PostReview': {
        checkRating(command.rating);
        const { filmId, authorId, body, spoilers, rating, diaryEntry } = command;
        if (!state.posted) {
          const data = { filmId, authorId, body, spoilers, rating };
          return [{ type: 'ReviewPosted', data: diaryEntry === undefined ? data : { ...data, diaryEntry } }];
        }
        // Ids of posted reviews are fresh, or derived from an import's row: this is that row again.
        if (state.authorId !== authorId || state.filmId !== filmId)
          throw new DomainRuleViolation(
            'review-id-reused',
            'This review id was already used for another review.',
          );
        return [];
      }
      case 'EditReview':
        return edit(state, command);
      case 'DeleteReview': {
        existing(state, command);
        const byAuthor = state.authorId === command.actorId;
        if (!byAuthor && !command.moderates)
          throw new ReviewActionForbidden('Only the author or a moderator can delete a review.');
        return [{ type: 'ReviewDeleted', data: { byModerator: !byAuthor } }];
      }
      case 'LikeReview':
        existing(state, command);
        if (state.authorId === command.actorId)
          throw new DomainRuleViolation('cannot-like-own-review', 'You cannot like your own review.');
        return state.likers.includes(command.actorId)
          ? []
          : [{ type: 'ReviewLiked', data: { memberId: command.actorId } }];
      case 'UnlikeReview':
        existing(state, command);
        return state.likers.includes(command.actorId)
          ? [{ type: 'ReviewUnliked', data: { memberId: command.actorId } }]
          : [];
      case 'ModerateReview':
        return moderate(state, command);
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ReviewPosted': {
        const { filmId, authorId, body, spoilers, rating } = event.data;
        return { ...state, posted: true, filmId, authorId, text: { body, spoilers, rating } };
      }
      case 'ReviewEdited':
        return { ...state, text: event.data };
      case 'ReviewDeleted':
        return { ...state, deleted: true, openReporters: [] };
      case 'ReviewLiked':
        return { ...state, likers: [...state.likers, event.data.memberId] };
      case 'ReviewUnliked':
        return { ...state, likers: state.likers.filter((member) => member !== event.data.memberId) };
      default: {
        const reports = evolveReports(REVIEW_KIND, state, event);
        return reports === null ? unreachable(event as never) : { ...state, ...reports };
      }
    }
  },
};
