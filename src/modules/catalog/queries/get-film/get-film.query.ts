import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { Film } from '../../films/film.js';
import { FilmNotFoundException } from '../../films/film-errors.js';
import { loadFilm } from '../../films/film-reader.js';

/** A film by id or slug; anything else (a malformed id included) is not found. */
export class GetFilm extends Query<Film> {
  constructor(readonly reference: string) {
    super();
  }
}

@QueryHandler(GetFilm)
export class GetFilmHandler implements IQueryHandler<GetFilm> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ reference }: GetFilm): Promise<Film> {
    const film = await loadFilm(this.pool, reference);
    if (!film) throw new FilmNotFoundException(reference);
    return film;
  }
}
