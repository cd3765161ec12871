import type pg from 'pg';
import { inTransaction } from '#projections';
import {
  FestivalWrites,
  type EditionInput,
  type FestivalInput,
  type StrandInput,
} from './festival-writes.js';
import { EditionNotFoundException } from './programme-errors.js';
import { ProgrammeReader, type EditionRef } from './programme-reader.js';
import type {
  EditionResource,
  FestivalResource,
  ScreeningResource,
  SelectionResource,
  StrandResource,
  Written,
} from './programme-resources.js';
import { SelectionWrites, type ScreeningInput, type SelectionInput } from './selection-writes.js';

/** Every write of the programme, bound to one transaction. */
export interface ProgrammeWrites {
  readonly festivals: FestivalWrites;
  readonly selections: SelectionWrites;
  /** The edition, locked against a change of its dates or zone until the transaction ends (404 when none). */
  edition(festival: string, year: string): Promise<EditionRef>;
}

/**
 * Writes the programme: reference data in plain tables on the primary, each request (or a whole
 * imported edition) in one transaction, so nobody ever reads half of it.
 */
export class ProgrammeWriter {
  constructor(private readonly pool: pg.Pool) {}

  transaction<T>(work: (writes: ProgrammeWrites) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) => work(bind(client)));
  }

  putFestival(slug: string, input: FestivalInput): Promise<Written<FestivalResource>> {
    return this.transaction((writes) => writes.festivals.putFestival(slug, input));
  }

  putEdition(festival: string, year: string, input: EditionInput): Promise<Written<EditionResource>> {
    return this.transaction((writes) => writes.festivals.putEdition(festival, year, input));
  }

  putStrand(
    festival: string,
    year: string,
    strand: string,
    input: StrandInput,
  ): Promise<Written<StrandResource>> {
    return this.transaction(async (writes) =>
      writes.festivals.putStrand(await writes.edition(festival, year), strand, input),
    );
  }

  putSelection(
    festival: string,
    year: string,
    film: string,
    input: SelectionInput,
  ): Promise<Written<SelectionResource>> {
    return this.transaction(async (writes) =>
      writes.selections.putSelection(await writes.edition(festival, year), film, input),
    );
  }

  removeSelection(festival: string, year: string, film: string): Promise<boolean> {
    return this.transaction(async (writes) =>
      writes.selections.removeSelection(await writes.edition(festival, year), film),
    );
  }

  addScreening(festival: string, year: string, input: ScreeningInput): Promise<Written<ScreeningResource>> {
    return this.transaction(async (writes) =>
      writes.selections.addScreening(await writes.edition(festival, year), input),
    );
  }

  removeScreening(id: string): Promise<void> {
    return this.transaction((writes) => writes.selections.removeScreening(id));
  }
}

function bind(client: pg.PoolClient): ProgrammeWrites {
  const reader = new ProgrammeReader(client);
  return {
    festivals: new FestivalWrites(client),
    selections: new SelectionWrites(client),
    edition: async (festival, year) => {
      const found = await reader.edition(festival, year);
      // Read again under the lock: a change of zone may have committed in between.
      await client.query('SELECT 1 FROM festival_editions WHERE id = $1 FOR SHARE', [found.id]);
      const locked = await reader.editionById(found.id);
      if (locked === null) throw new EditionNotFoundException(festival, year);
      return locked;
    },
  };
}
