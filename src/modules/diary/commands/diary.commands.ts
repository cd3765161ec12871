import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../common/auth/index.js';
import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import { PositionedCommandRunner } from '../../../platform/commands/positioned-command-runner.js';
import { FilmNotFoundException } from '../../catalog/films/film-errors.js';
import { FilmReferences } from '../../catalog/films/film-references.js';
import {
  filmLogDecider,
  ViewingNotFound,
  type FilmLogCommand,
} from '../../film-log/domain/film-log.decider.js';
import { filmLogStream } from '../../film-log/domain/film-log.events.js';
import { appendReview } from '../../reviews/commands/review.commands.js';
import type { LogDiaryEntryRequest } from '../diary.requests.js';
import { DiaryEntryKeys } from '../diary-entry-keys.js';
import { DiaryEntryNotFoundException, NotYourDiaryEntryException } from '../diary-errors.js';
import type { DiaryEntryChanged, DiaryEntryDeleted, DiaryEntryLogged } from '../diary.response.js';

export const UNKNOWN_FILM_MESSAGE = 'film must be the id or slug of a film in the catalogue';

/** A viewing for the member's diary: checks the film, and its stars become the film's rating. */
export class LogDiaryEntry extends Command<DiaryEntryLogged> {
  constructor(
    readonly userId: string,
    readonly filmReference: string,
    readonly entry: { readonly watchedOn: string; readonly rewatch: boolean; readonly rating: number | null },
    readonly review: { readonly body: string; readonly spoilers: boolean } | null,
    readonly context: CommandContext,
  ) {
    super();
  }

  /** The command for a request, its optional fields given their defaults. */
  static of(userId: string, request: LogDiaryEntryRequest, context: CommandContext): LogDiaryEntry {
    const { film, watchedOn, rewatch = false, rating = null, review } = request;
    return new LogDiaryEntry(
      userId,
      film,
      { watchedOn, rewatch, rating },
      review ? { body: review.body, spoilers: review.spoilers ?? false } : null,
      context,
    );
  }
}

export class ChangeDiaryEntry extends Command<DiaryEntryChanged> {
  constructor(
    readonly user: SignedInUser,
    readonly entryId: string,
    readonly changes: {
      readonly watchedOn?: string;
      readonly rewatch?: boolean;
      readonly rating?: number | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class DeleteDiaryEntry extends Command<DiaryEntryDeleted> {
  constructor(
    readonly user: SignedInUser,
    readonly entryId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LogDiaryEntry)
export class LogDiaryEntryHandler implements ICommandHandler<LogDiaryEntry> {
  constructor(
    private readonly films: FilmReferences,
    private readonly keys: DiaryEntryKeys,
    private readonly runner: PositionedCommandRunner,
  ) {}

  /**
   * The entry is written first, then its review: if the review's append fails, the viewing the
   * member logged stands, and the review can be posted on the film page.
   */
  async execute({ userId, filmReference, entry, review, context }: LogDiaryEntry): Promise<DiaryEntryLogged> {
    const filmId = await this.filmIdOf(filmReference);
    const id = randomUUID();
    await this.keys.reserve([{ id, userId, filmId }]);
    const logged = await this.runner.run({
      decider: filmLogDecider,
      streamId: filmLogStream(userId, filmId),
      command: { type: 'LogViewing', viewing: { entry: id, ...entry } },
      context,
    });
    if (review === null) return { id, review: null, position: logged.position };
    const posted = await appendReview(
      this.runner,
      { filmId, authorId: userId, ...review, rating: entry.rating, diaryEntry: id },
      context,
    );
    return { id, review: { id: posted.id }, position: posted.position };
  }

  /** The film is a field of the body here, not the path: an unknown one is bad input. */
  private async filmIdOf(reference: string): Promise<string> {
    try {
      return await this.films.idOf(reference);
    } catch (error) {
      if (error instanceof FilmNotFoundException) {
        throw new InvalidInputException([{ field: 'film', message: UNKNOWN_FILM_MESSAGE }]);
      }
      throw error;
    }
  }
}

/** Runs a command on the stream that holds the entry, for its own member only. */
abstract class DiaryEntryCommandHandler {
  constructor(
    private readonly keys: DiaryEntryKeys,
    private readonly runner: PositionedCommandRunner,
  ) {}

  protected async decide(
    user: SignedInUser,
    entryId: string,
    command: FilmLogCommand,
    context: CommandContext,
  ) {
    const key = await this.keys.find(entryId);
    if (key === null) throw new DiaryEntryNotFoundException();
    if (key.userId !== user.id) throw new NotYourDiaryEntryException();
    try {
      return await this.runner.run({
        decider: filmLogDecider,
        streamId: filmLogStream(key.userId, key.filmId),
        command,
        context,
      });
    } catch (error) {
      if (error instanceof ViewingNotFound) throw new DiaryEntryNotFoundException();
      throw error;
    }
  }
}

@CommandHandler(ChangeDiaryEntry)
export class ChangeDiaryEntryHandler
  extends DiaryEntryCommandHandler
  implements ICommandHandler<ChangeDiaryEntry>
{
  constructor(keys: DiaryEntryKeys, runner: PositionedCommandRunner) {
    super(keys, runner);
  }

  async execute({ user, entryId, changes, context }: ChangeDiaryEntry): Promise<DiaryEntryChanged> {
    const entry = entryId.toLowerCase();
    const result = await this.decide(user, entry, { type: 'ChangeViewing', entry, ...changes }, context);
    const now = result.state.diary.find((viewing) => viewing.entry === entry)!;
    return {
      id: entry,
      watchedOn: now.watchedOn,
      rewatch: now.rewatch,
      rating: now.rating,
      position: result.position,
    };
  }
}

@CommandHandler(DeleteDiaryEntry)
export class DeleteDiaryEntryHandler
  extends DiaryEntryCommandHandler
  implements ICommandHandler<DeleteDiaryEntry>
{
  constructor(keys: DiaryEntryKeys, runner: PositionedCommandRunner) {
    super(keys, runner);
  }

  async execute({ user, entryId, context }: DeleteDiaryEntry): Promise<DiaryEntryDeleted> {
    const entry = entryId.toLowerCase();
    const result = await this.decide(user, entry, { type: 'DeleteViewing', entry }, context);
    return { id: entry, deleted: true, position: result.position };
  }
}
