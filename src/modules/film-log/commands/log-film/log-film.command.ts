import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import { filmLogDecider, publicState, type FilmLogCommand } from '../../domain/film-log.decider.js';
import { filmLogStream } from '../../domain/film-log.events.js';
import type { FilmLogResult } from '../../film-log.response.js';

/** One tap of a member on a film: check, favourite, dislike, watchlist, or their undoing. */
export class LogFilm extends Command<FilmLogResult> {
  constructor(
    readonly userId: string,
    readonly filmReference: string,
    readonly action: FilmLogCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Decides on the member's stream for that film; a concurrent tap on the same film is decided again. */
@CommandHandler(LogFilm)
export class LogFilmHandler implements ICommandHandler<LogFilm> {
  constructor(
    private readonly films: FilmReferences,
    private readonly runner: PositionedCommandRunner,
  ) {}

  async execute({ userId, filmReference, action, context }: LogFilm): Promise<FilmLogResult> {
    const filmId = await this.films.idOf(filmReference);
    const result = await this.runner.run({
      decider: filmLogDecider,
      streamId: filmLogStream(userId, filmId),
      command: action,
      context,
    });
    // A no-op on a film never touched answers the origin, which every projection has passed.
    return { state: publicState(result.state), position: result.position };
  }
}
