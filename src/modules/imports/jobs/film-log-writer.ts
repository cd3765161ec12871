import { randomUUID } from 'node:crypto';
import type { CommandContext, CommandRunner, IdGenerator } from '#decider';
import { WrongExpectedVersionError, type EventStore, type NewEvent } from '#event-store';
import {
  filmLogDecider,
  type FilmLogStreamState,
  type ImportFilmLog,
} from '../../film-log/domain/film-log.decider.js';
import { filmLogStream, type FilmLogEvent } from '../../film-log/domain/film-log.events.js';
import { importedEvent } from './imported-event.js';

/**
 * Writes one film's imported marks on the member's film-log stream, given what the read model
 * shows of the film (null: no mark). A film without a mark (most of a first import) is decided on
 * the initial state and appended with `no_stream`, which saves the read; if the stream exists
 * after all, the append is refused and the command goes through the runner (load, decide,
 * append), like any other command. A film whose marks already cover the import (most of a
 * re-import) is left alone: the read model lags the stream but never leads it, so the member had
 * those marks; one they took back in the last moments stays taken back.
 */
export class FilmLogWriter {
  constructor(
    private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly ids: IdGenerator = randomUUID,
  ) {}

  async write(
    memberId: string,
    filmId: string,
    command: ImportFilmLog,
    context: CommandContext,
    seen: FilmLogStreamState | null,
  ): Promise<readonly FilmLogEvent[]> {
    const streamId = filmLogStream(memberId, filmId);
    if (seen !== null && filmLogDecider.decide(command, seen).length === 0) return [];
    if (seen === null) {
      const events = filmLogDecider.decide(command, filmLogDecider.initialState);
      if (events.length === 0) return events;
      try {
        await this.store.append(streamId, events.map(this.toNew(context)), { expectedRevision: 'no_stream' });
        return events;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    const result = await this.runner.run({ decider: filmLogDecider, streamId, command, context });
    return result.events;
  }

  /**
   * Films the member had no mark on, as `write` would with `seen` null, their streams appended
   * together (one atomic append, `no_stream` each). When one of them exists after all, nothing was
   * appended and each film goes through `write` on its own. Answers each film's events.
   */
  async writeFresh(
    memberId: string,
    films: readonly { readonly filmId: string; readonly command: ImportFilmLog }[],
    context: CommandContext,
  ): Promise<Map<string, readonly FilmLogEvent[]>> {
    const written = new Map<string, readonly FilmLogEvent[]>();
    const decided = films
      .map(({ filmId, command }) => ({
        filmId,
        events: filmLogDecider.decide(command, filmLogDecider.initialState),
      }))
      .filter(({ events }) => events.length > 0);
    if (decided.length === 0) return written;
    try {
      await this.store.appendMany(
        decided.map(({ filmId, events }) => ({
          streamId: filmLogStream(memberId, filmId),
          events: events.map(this.toNew(context)),
          expectedRevision: 'no_stream' as const,
        })),
      );
      for (const { filmId, events } of decided) written.set(filmId, events);
      return written;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    for (const { filmId, command } of films) {
      written.set(filmId, await this.write(memberId, filmId, command, context, null));
    }
    return written;
  }

  /** Imported events always carry their own time. */
  private toNew =
    (context: CommandContext) =>
    (event: FilmLogEvent): NewEvent =>
      importedEvent(context, this.ids, event, event.occurredAt!);
}
