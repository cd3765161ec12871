import { createHash } from 'node:crypto';
import type pg from 'pg';
import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import { isUuid } from '../../../common/uuid.js';
import { FilmNotFoundException } from '../../catalog/films/film-errors.js';
import { LocalStartRefused, zonedStart, type ZonedStart } from '../domain/festival-time.js';
import { outcomeOf } from './festival-writes.js';
import { ScreeningNotFoundException } from './programme-errors.js';
import {
  ProgrammeReader,
  type EditionRef,
  type FilmRef,
  type Gala,
  type Premiere,
} from './programme-reader.js';
import {
  screeningResource,
  type ScreeningResource,
  type SelectionResource,
  type Written,
} from './programme-resources.js';
import { ProgrammeRuleViolation } from './programme-rule.js';

export interface SelectionInput {
  readonly strand: string;
  readonly premiere?: Premiere | null;
  readonly gala?: Gala | null;
  readonly note?: string | null;
}

export interface ScreeningInput {
  readonly film: string;
  readonly venue: string;
  readonly startsAt: string;
}

/**
 * The same film at the same venue and local start is the same screening, whoever adds it and
 * however often: its id derives from them, so a repeated POST or import finds it again.
 */
export function screeningId(editionId: string, filmId: string, venue: string, localStart: string): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([editionId, filmId, venue, localStart]))
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Selections and screenings, written inside the caller's transaction. */
export class SelectionWrites {
  private readonly reader: ProgrammeReader;

  constructor(private readonly client: pg.PoolClient) {
    this.reader = new ProgrammeReader(client);
  }

  /** The film a path or body names; null when no film has that id or slug. */
  async findFilm(reference: string): Promise<FilmRef | null> {
    const byId = isUuid(reference);
    const { rows } = await this.client.query<FilmRef>(
      `SELECT id, slug, title, year FROM films WHERE ${byId ? 'id = $1::uuid' : 'slug = $1'}`,
      [byId ? reference.toLowerCase() : reference],
    );
    return rows[0] ?? null;
  }

  async putSelection(
    edition: EditionRef,
    filmReference: string,
    input: SelectionInput,
  ): Promise<Written<SelectionResource>> {
    const film = await this.findFilm(filmReference);
    if (film === null) throw new FilmNotFoundException(filmReference);
    const strand = await this.client.query<{ id: string; slug: string; name: string }>(
      'SELECT id, slug, name FROM festival_strands WHERE edition_id = $1 AND slug = $2',
      [edition.id, input.strand],
    );
    if (strand.rows[0] === undefined)
      throw new ProgrammeRuleViolation(
        'unknown-strand',
        'strand',
        `No strand ${input.strand} in this edition`,
      );
    const resource: SelectionResource = {
      film,
      strand: { slug: strand.rows[0].slug, name: strand.rows[0].name },
      premiere: input.premiere ?? null,
      gala: input.gala ?? null,
      note: input.note ?? null,
    };
    const { rows } = await this.client.query<{ created: boolean }>(
      `INSERT INTO festival_selections (edition_id, film_id, strand_id, premiere, gala, note) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (edition_id, film_id) DO UPDATE SET strand_id = EXCLUDED.strand_id, premiere = EXCLUDED.premiere,
         gala = EXCLUDED.gala, note = EXCLUDED.note
       WHERE (festival_selections.strand_id, festival_selections.premiere, festival_selections.gala, festival_selections.note)
         IS DISTINCT FROM (EXCLUDED.strand_id, EXCLUDED.premiere, EXCLUDED.gala, EXCLUDED.note)
       RETURNING (xmax = 0) AS created`,
      [edition.id, film.id, strand.rows[0].id, resource.premiere, resource.gala, resource.note],
    );
    return { outcome: outcomeOf(rows), resource };
  }

  /** False when the film was not selected; its screenings go with it. */
  async removeSelection(edition: EditionRef, filmReference: string): Promise<boolean> {
    const film = await this.findFilm(filmReference);
    if (film === null) throw new FilmNotFoundException(filmReference);
    const { rowCount } = await this.client.query(
      'DELETE FROM festival_selections WHERE edition_id = $1 AND film_id = $2',
      [edition.id, film.id],
    );
    return (rowCount ?? 0) > 0;
  }

  async addScreening(edition: EditionRef, input: ScreeningInput): Promise<Written<ScreeningResource>> {
    const film = await this.findFilm(input.film);
    // A reference to no film names no selected film either: one refusal for both.
    if (film === null)
      throw new ProgrammeRuleViolation(
        'film-not-selected',
        'film',
        `No film ${input.film.slice(0, 100)} is selected for this edition`,
      );
    const selected = await this.client.query(
      'SELECT 1 FROM festival_selections WHERE edition_id = $1 AND film_id = $2',
      [edition.id, film.id],
    );
    if (selected.rowCount === 0)
      throw new ProgrammeRuleViolation(
        'film-not-selected',
        'film',
        `${film.title} is not selected for this edition`,
      );
    const start = startWithin(edition, input.startsAt);
    const id = screeningId(edition.id, film.id, input.venue, input.startsAt);
    const { rowCount } = await this.client.query(
      `INSERT INTO festival_screenings (id, edition_id, film_id, venue, local_start, starts_at, local_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [id, edition.id, film.id, input.venue, input.startsAt, start.instant, start.localDate],
    );
    const screening = await this.reader.screening(id);
    return { outcome: rowCount === 1 ? 'created' : 'unchanged', resource: screeningResource(screening!) };
  }

  async removeScreening(id: string): Promise<void> {
    const { rowCount } = await this.client.query('DELETE FROM festival_screenings WHERE id = $1::uuid', [
      isUuid(id) ? id.toLowerCase() : '00000000-0000-0000-0000-000000000000',
    ]);
    if (rowCount === 0) throw new ScreeningNotFoundException(id);
  }
}

/** The start in the edition's zone, refused when the clocks skip it or its local date is not a festival day. */
export function startWithin(
  edition: Pick<EditionRef, 'startsOn' | 'endsOn' | 'timeZone'>,
  localStart: string,
): ZonedStart {
  let start: ZonedStart;
  try {
    start = zonedStart(localStart, edition.timeZone);
  } catch (error) {
    if (!(error instanceof LocalStartRefused)) throw error;
    if (error.problem === 'malformed')
      throw new InvalidInputException([{ field: 'startsAt', message: `startsAt ${error.message}` }]);
    throw new ProgrammeRuleViolation('start-does-not-exist', 'startsAt', error.message);
  }
  if (start.localDate < edition.startsOn || start.localDate > edition.endsOn)
    throw new ProgrammeRuleViolation(
      'start-outside-edition',
      'startsAt',
      `startsAt falls on ${start.localDate}, outside the edition (${edition.startsOn} to ${edition.endsOn})`,
    );
  return start;
}
