import { ForbiddenException, Injectable } from '@nestjs/common';
import type { CommandContext } from '#decider';
import type { Position } from '#event-store';
import {
  PositionedCommandRunner,
  type PositionedResult,
} from '../../../platform/commands/positioned-command-runner.js';
import { isUuid } from '../../../common/uuid.js';
import {
  CommentActionForbidden,
  commentDecider,
  CommentNotFound,
  type CommentCommand,
  type CommentState,
} from '../domain/comment.decider.js';
import { commentStream, type CommentEvent } from '../domain/comment.events.js';
import { CommentNotFoundException } from '../comment-errors.js';

export interface CommentDecision {
  readonly result: PositionedResult<CommentEvent, CommentState>;
  /** Where a reader sees the outcome: the last event of the stream, or the origin for nothing at all. */
  readonly position: Position;
}

/** Runs a command on a comment's stream, answering the decider's refusals as 404 and 403 problems. */
@Injectable()
export class CommentCommandRunner {
  constructor(private readonly runner: PositionedCommandRunner) {}

  async run(commentId: string, command: CommentCommand, context: CommandContext): Promise<CommentDecision> {
    // A malformed id names no comment: 404, like an unknown one.
    if (!isUuid(commentId)) throw new CommentNotFoundException();
    try {
      const result = await this.runner.run({
        decider: commentDecider,
        streamId: commentStream(commentId.toLowerCase()),
        command,
        context,
      });
      return { result, position: result.position };
    } catch (error) {
      if (error instanceof CommentNotFound) throw new CommentNotFoundException();
      if (error instanceof CommentActionForbidden) throw new ForbiddenException(error.message);
      throw error;
    }
  }
}
