import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../../../common/invalid-input.exception.js';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';
import { isLocalDate } from '../../../domain/festival-time.js';
import { editionScreenings, ProgrammeReader } from '../../programme-reader.js';
import { screeningResource, type ScreeningResource } from '../../programme-resources.js';

export interface DayScreenings {
  readonly items: readonly ScreeningResource[];
}

/**
 * The screenings that start on a festival day (local date in the edition's zone), by start. A day
 * outside the edition simply has none; a day that is not a date is a 400 naming `day`.
 */
export class ListDayScreenings extends Query<DayScreenings> {
  constructor(
    readonly festival: string,
    readonly year: string,
    readonly day: string,
  ) {
    super();
  }
}

@QueryHandler(ListDayScreenings)
export class ListDayScreeningsHandler implements IQueryHandler<ListDayScreenings> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ festival, year, day }: ListDayScreenings): Promise<DayScreenings> {
    if (typeof day !== 'string' || !isLocalDate(day))
      throw new InvalidInputException([{ field: 'day', message: 'day must be a date YYYY-MM-DD' }]);
    const edition = await new ProgrammeReader(this.pool).edition(festival, year);
    const screenings = await editionScreenings(this.pool, edition.id, { day });
    return { items: screenings.map(screeningResource) };
  }
}
