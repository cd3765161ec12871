import { Query } from '@nestjs/cqrs';
import type { Film } from '../../films/film.js';

export interface FilmPage {
  readonly items: readonly Film[];
  readonly nextCursor: string | null;
}

/** Validated parameters of GET /films, as the client sent them. */
export interface FilmSearch {
  readonly q?: string;
  readonly year?: number;
  readonly genre?: string;
  readonly language?: string;
  readonly country?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export class SearchFilms extends Query<FilmPage> {
  constructor(readonly search: FilmSearch) {
    super();
  }
}
