import { Module } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '../../../platform/database/database.module.js';
import { ProgrammeReader } from './programme-reader.js';

/** A festival's programme: festivals, editions, strands, selections and screenings (reference data). */
@Module({
  providers: [
    // The primary: a screening added a moment ago may not have reached a replica yet.
    {
      provide: ProgrammeReader,
      inject: [READ_MODEL_POOL],
      useFactory: (pool: pg.Pool) => new ProgrammeReader(pool),
    },
  ],
  exports: [ProgrammeReader],
})
export class ProgrammeModule {}
