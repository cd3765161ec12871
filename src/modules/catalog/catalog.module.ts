import { Module } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '../../platform/database/database.module.js';
import { CatalogController } from './catalog.controller.js';
import { CreateFilmHandler } from './commands/create-film/create-film.command.js';
import { UpdateFilmHandler } from './commands/update-film/update-film.command.js';
import { FilmReferences } from './films/film-references.js';
import { FilmWriter } from './films/film-writer.js';
import { GetFilmHandler } from './queries/get-film/get-film.query.js';
import { GetPersonHandler } from './queries/get-person/get-person.query.js';
import { PeopleController } from './people.controller.js';
import { SearchFilmsHandler } from './queries/search-films/search-films.query.js';

const commandHandlers = [CreateFilmHandler, UpdateFilmHandler];
const queryHandlers = [SearchFilmsHandler, GetFilmHandler, GetPersonHandler];

/** The film catalogue and its people: reference data in plain tables, written by admins and imports, read by all. */
@Module({
  controllers: [CatalogController, PeopleController],
  providers: [
    // Writes go to the primary; queries read QUERY_POOL (a replica when configured).
    { provide: FilmWriter, inject: [READ_MODEL_POOL], useFactory: (pool: pg.Pool) => new FilmWriter(pool) },
    // The primary: a film added a moment ago may not have reached a replica yet.
    {
      provide: FilmReferences,
      inject: [READ_MODEL_POOL],
      useFactory: (pool: pg.Pool) => new FilmReferences(pool),
    },
    ...commandHandlers,
    ...queryHandlers,
  ],
  exports: [FilmWriter, FilmReferences],
})
export class CatalogModule {}
