import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import {
  decideReports,
  evolveReports,
  seenBy,
  type Reports,
  type ReportCommand,
} from '../../reportable/domain/reportable.js';
import { COMMENT_KIND, type ReportReason, type CommentEvent } from './comment.events.js';

/** Characters (code points) of a comment's body after trimming. */
export const COMMENT_BODY_MAX = 5000;

export type CommentCommand =
  | {
      readonly type: 'PostComment';
      readonly filmId: string;
      readonly authorId: string;
      readonly body: string;
    }
  | {
      readonly type: 'EditComment';
      readonly editorId: string;
      /** A moderator sees a hidden comment, so is refused (403) rather than told it does not exist. */
      readonly editorModerates: boolean;
      readonly body: string;
    }
  | { readonly type: 'DeleteComment'; readonly actorId: string; readonly actorModerates: boolean }
  | {
      readonly type: 'ReportComment';
      readonly reporterId: string;
      readonly reporterModerates: boolean;
      readonly reason: ReportReason;
      readonly note: string | null;
    }
  | { readonly type: 'AutoHideComment'; readonly threshold: number }
  | { readonly type: 'HideComment'; readonly moderatorId: string; readonly reason: string }
  | { readonly type: 'RestoreComment'; readonly moderatorId: string; readonly reason: string | null }
  | { readonly type: 'DismissReports'; readonly moderatorId: string; readonly reason: string | null };

export type { Hiding } from '../../reportable/domain/reportable.js';

export interface CommentState extends Reports {
  readonly posted: boolean;
  readonly deleted: boolean;
  readonly filmId: string | null;
  readonly authorId: string | null;
  /** The body as first posted: a retried post with the same idempotency key must match it. */
  readonly postedBody: string | null;
  readonly body: string | null;
}

/** The comment does not exist for this reader (never posted, deleted, or hidden from them): a 404. */
export class CommentNotFound extends Error {
  override readonly name: string = 'CommentNotFound';

  constructor() {
    super('No comment has that id.');
  }
}

/** The reader sees the comment but may not do this to it: a 403. */
export class CommentActionForbidden extends Error {
  override readonly name: string = 'CommentActionForbidden';
}

const isGone = (state: CommentState): boolean => !state.posted || state.deleted;

const existing = (state: CommentState, actorId: string, moderates: boolean): void => {
  const text = { hidden: state.hiding !== 'none', authorId: state.authorId };
  if (isGone(state) || !seenBy(text, { id: actorId, moderates })) throw new CommentNotFound();
};

/** Reports and moderator decisions follow the rules every reportable text shares. */
const moderate = (state: CommentState, command: ReportCommand): CommentEvent[] =>
  decideReports(COMMENT_KIND, command, state, state.authorId);

/** Moderator actions need a live comment; moderators see hidden ones. */
const live = (state: CommentState): void => {
  if (isGone(state)) throw new CommentNotFound();
};

export const commentDecider: Decider<CommentCommand, CommentEvent, CommentState> = {
  initialState: {
    posted: false,
    deleted: false,
    filmId: null,
    authorId: null,
    postedBody: null,
    body: null,
    hiding: 'none',
    reporters: [],
    openReporters: [],
  },

  decide(command, state) {
    switch (command.type) {
      case 'PostComment': {
        if (!state.posted) {
          const { filmId, authorId, body } = command;
          return [{ type: 'CommentPosted', data: { filmId, authorId, body } }];
        }
        // The stream id comes from the author and their idempotency key: this is a retry.
        if (
          state.authorId !== command.authorId ||
          state.filmId !== command.filmId ||
          state.postedBody !== command.body
        )
          throw new DomainRuleViolation(
            'idempotency-key-reused',
            'This Idempotency-Key was already used for a different comment.',
          );
        return [];
      }
      case 'EditComment':
        existing(state, command.editorId, command.editorModerates);
        if (state.authorId !== command.editorId)
          throw new CommentActionForbidden('Only the author can edit a comment.');
        return state.body === command.body ? [] : [{ type: 'CommentEdited', data: { body: command.body } }];
      case 'DeleteComment': {
        existing(state, command.actorId, command.actorModerates);
        const byAuthor = state.authorId === command.actorId;
        if (!byAuthor && !command.actorModerates)
          throw new CommentActionForbidden('Only the author or a moderator can delete a comment.');
        return [{ type: 'CommentDeleted', data: { byModerator: !byAuthor } }];
      }
      case 'ReportComment': {
        existing(state, command.reporterId, command.reporterModerates);
        const { reporterId, reason, note } = command;
        return moderate(state, { type: 'Report', reporterId, reason, note });
      }
      case 'AutoHideComment':
        return isGone(state) ? [] : moderate(state, { type: 'AutoHide', threshold: command.threshold });
      case 'HideComment':
        live(state);
        return moderate(state, { type: 'Hide', moderatorId: command.moderatorId, reason: command.reason });
      case 'RestoreComment':
        live(state);
        return moderate(state, { type: 'Restore', moderatorId: command.moderatorId, reason: command.reason });
      case 'DismissReports':
        live(state);
        return moderate(state, { type: 'Dismiss', moderatorId: command.moderatorId, reason: command.reason });
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CommentPosted':
        return {
          ...state,
          posted: true,
          filmId: event.data.filmId,
          authorId: event.data.authorId,
          postedBody: event.data.body,
          body: event.data.body,
        };
      case 'CommentEdited':
        return { ...state, body: event.data.body };
      case 'CommentDeleted':
        return { ...state, deleted: true, openReporters: [] };
      default: {
        const reports = evolveReports(COMMENT_KIND, state, event);
        return reports === null ? unreachable(event as never) : { ...state, ...reports };
      }
    }
  },
};
