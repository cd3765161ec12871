import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Film } from '../../films/film.js';
import type { FilmRequest } from '../../films/film-request.js';
import { FilmWriter } from '../../films/film-writer.js';

/** An admin replaces a film's details; its id and slug stay. */
export class UpdateFilm extends Command<Film> {
  constructor(
    readonly reference: string,
    readonly film: FilmRequest,
  ) {
    super();
  }
}

@CommandHandler(UpdateFilm)
export class UpdateFilmHandler implements ICommandHandler<UpdateFilm> {
  constructor(private readonly writer: FilmWriter) {}

  execute({ reference, film }: UpdateFilm): Promise<Film> {
    return this.writer.update(reference, film);
  }
}
