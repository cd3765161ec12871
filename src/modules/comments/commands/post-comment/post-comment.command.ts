import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { CommentWritten } from '../../comments.response.js';
import { commentIdFor } from '../../domain/comment-id.js';
import { CommentCommandRunner } from '../comment-command-runner.js';

/** A member comments on a film page; with an idempotency key a retry answers the same comment. */
export class PostComment extends Command<CommentWritten> {
  constructor(
    readonly authorId: string,
    readonly filmReference: string,
    /** Trimmed and checked by the request. */
    readonly body: string,
    readonly idempotencyKey: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PostComment)
export class PostCommentHandler implements ICommandHandler<PostComment> {
  constructor(
    private readonly films: FilmReferences,
    private readonly comments: CommentCommandRunner,
  ) {}

  async execute({
    authorId,
    filmReference,
    body,
    idempotencyKey,
    context,
  }: PostComment): Promise<CommentWritten> {
    const filmId = await this.films.idOf(filmReference);
    const id = commentIdFor(authorId, idempotencyKey);
    const { position } = await this.comments.run(
      id,
      { type: 'PostComment', filmId, authorId, body },
      context,
    );
    return { id, position };
  }
}
