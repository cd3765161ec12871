import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { seededPick, testEvent, type Write } from '#testing';
import { commentDecider, type CommentCommand, type CommentState } from '../domain/comment.decider.js';
import { commentStream } from '../domain/comment.events.js';

/** One comment as a random history left it. */
export interface CommentHistoryEntry {
  readonly id: string;
  readonly state: CommentState;
  /** What was appended to its stream, oldest first. */
  readonly events: readonly NewEvent[];
}

export interface CommentHistory {
  readonly writes: readonly Write[];
  /** How many events the writes hold. */
  readonly events: number;
  readonly comments: readonly CommentHistoryEntry[];
}

/**
 * Random posts, edits, deletions, reports and moderator decisions on comments by a few members on
 * a few films, decided by the decider (so every stream is a history it could have written),
 * interleaved across streams about a second apart; the same for a seed.
 */
export function randomCommentHistory(options: {
  readonly members: number;
  readonly films: number;
  readonly minEvents: number;
  readonly seed: number;
}): CommentHistory {
  const pick = seededPick(options.seed);
  const memberIds = Array.from({ length: options.members }, () => randomUUID());
  const filmIds = Array.from({ length: options.films }, () => randomUUID());
  const moderatorId = randomUUID();
  const comments: { id: string; state: CommentState; events: NewEvent[] }[] = [];
  const writes: Write[] = [];
  let events = 0;

  const commandFor = (state: CommentState): CommentCommand => {
    const member = memberIds[pick(memberIds.length)]!;
    const author = state.authorId ?? member;
    const commands: CommentCommand[] = [
      { type: 'EditComment', editorId: author, editorModerates: false, body: `edit ${pick(1000)}` },
      { type: 'DeleteComment', actorId: author, actorModerates: false },
      { type: 'DeleteComment', actorId: moderatorId, actorModerates: true },
      { type: 'ReportComment', reporterId: member, reporterModerates: false, reason: 'spam', note: null },
      { type: 'AutoHideComment', threshold: 2 },
      { type: 'HideComment', moderatorId, reason: 'rude' },
      { type: 'RestoreComment', moderatorId, reason: null },
      { type: 'DismissReports', moderatorId, reason: null },
    ];
    const chosen = commands[pick(commands.length)]!;
    // Deletions are rarer than the rest, so histories keep most comments alive; reports come instead.
    return chosen.type === 'DeleteComment' && pick(3) > 0 ? commands[3]! : chosen;
  };

  for (let tick = 0; events < options.minEvents; tick += 1) {
    const postNew = comments.length === 0 || pick(4) === 0;
    const comment = postNew
      ? { id: randomUUID(), state: commentDecider.initialState, events: [] as NewEvent[] }
      : comments[pick(comments.length)]!;
    const command: CommentCommand = postNew
      ? {
          type: 'PostComment',
          filmId: filmIds[pick(filmIds.length)]!,
          authorId: memberIds[pick(memberIds.length)]!,
          body: `comment ${tick}`,
        }
      : commandFor(comment.state);
    let decided;
    try {
      decided = commentDecider.decide(command, comment.state);
    } catch {
      continue;
    }
    if (decided.length === 0) continue;
    if (postNew) comments.push(comment);
    const occurredAt = new Date(Date.UTC(2024, 0, 1) + tick * 1_001).toISOString();
    for (const event of decided) comment.state = commentDecider.evolve(comment.state, event);
    const appended = decided.map((event) => testEvent(event.type, { ...event.data }, { occurredAt }));
    comment.events.push(...appended);
    writes.push([commentStream(comment.id), appended]);
    events += decided.length;
  }
  return { writes, events, comments };
}

/** Whether a comment in this state is seen by everyone. */
export const isVisible = (state: CommentState): boolean =>
  state.posted && !state.deleted && state.hiding === 'none';
