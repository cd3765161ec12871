import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Film } from '../../films/film.js';
import type { FilmRequest } from '../../films/film-request.js';
import { FilmWriter } from '../../films/film-writer.js';

/** An admin adds a film to the catalogue (reference data: a table write, not an event). */
export class CreateFilm extends Command<Film> {
  constructor(readonly film: FilmRequest) {
    super();
  }
}

@CommandHandler(CreateFilm)
export class CreateFilmHandler implements ICommandHandler<CreateFilm> {
  constructor(private readonly writer: FilmWriter) {}

  execute({ film }: CreateFilm): Promise<Film> {
    return this.writer.create(film);
  }
}
