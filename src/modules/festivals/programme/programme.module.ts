import { Module } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '../../../platform/database/database.module.js';
import { AddScreeningHandler } from './commands/add-screening/add-screening.command.js';
import { PutEditionHandler } from './commands/put-edition/put-edition.command.js';
import { PutFestivalHandler } from './commands/put-festival/put-festival.command.js';
import { PutSelectionHandler } from './commands/put-selection/put-selection.command.js';
import { PutStrandHandler } from './commands/put-strand/put-strand.command.js';
import { RemoveScreeningHandler } from './commands/remove-screening/remove-screening.command.js';
import { RemoveSelectionHandler } from './commands/remove-selection/remove-selection.command.js';
import { FestivalsAdminController } from './festivals-admin.controller.js';
import { FestivalsController } from './festivals.controller.js';
import { ProgrammeReader } from './programme-reader.js';
import { ProgrammeWriter } from './programme-writer.js';
import { ListDayScreeningsHandler } from './queries/day-screenings/day-screenings.query.js';
import { ListEditionFilmsHandler } from './queries/edition-films/edition-films.query.js';
import { GetFilmFestivalsHandler } from './queries/film-festivals/film-festivals.query.js';
import { GetEditionHandler } from './queries/get-edition/get-edition.query.js';
import { ListFestivalsHandler } from './queries/list-festivals/list-festivals.query.js';

const commandHandlers = [
  PutFestivalHandler,
  PutEditionHandler,
  PutStrandHandler,
  PutSelectionHandler,
  RemoveSelectionHandler,
  AddScreeningHandler,
  RemoveScreeningHandler,
];
const queryHandlers = [
  ListFestivalsHandler,
  GetEditionHandler,
  ListEditionFilmsHandler,
  ListDayScreeningsHandler,
  GetFilmFestivalsHandler,
];

/** A festival's programme: festivals, editions, strands, selections and screenings (reference data). */
@Module({
  controllers: [FestivalsController, FestivalsAdminController],
  providers: [
    // The primary: a screening added a moment ago may not have reached a replica yet.
    {
      provide: ProgrammeReader,
      inject: [READ_MODEL_POOL],
      useFactory: (pool: pg.Pool) => new ProgrammeReader(pool),
    },
    {
      provide: ProgrammeWriter,
      inject: [READ_MODEL_POOL],
      useFactory: (pool: pg.Pool) => new ProgrammeWriter(pool),
    },
    ...commandHandlers,
    ...queryHandlers,
  ],
  exports: [ProgrammeReader, ProgrammeWriter],
})
export class ProgrammeModule {}
