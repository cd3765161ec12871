import type pg from 'pg';
import { isUuid } from '../../../common/uuid.js';
import { endOf, withOffset } from '../domain/festival-time.js';
import { EditionNotFoundException } from './programme-errors.js';

export type Premiere = 'world' | 'international' | 'european' | 'uk' | 'scottish';
export type Gala = 'opening' | 'closing';

export interface BulkDiscount {
  readonly minFilms: number;
  readonly percent: number;
}

/** An edition as every festival read and write starts from it. */
export interface EditionRef {
  readonly id: string;
  readonly festival: { readonly id: string; readonly slug: string; readonly name: string };
  readonly year: number;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  /** Minor units (pence); null when the edition sells no tickets through us. */
  readonly ticketPrice: { readonly amountMinor: number; readonly currency: string } | null;
  /** Ordered by minFilms. */
  readonly bulkDiscounts: readonly BulkDiscount[];
}

export interface FilmRef {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
}

/** A screening with its times resolved in the edition's zone, as the API shows it. */
export interface ScreeningView {
  readonly id: string;
  readonly editionId: string;
  readonly film: FilmRef;
  readonly venue: string;
  /** ISO 8601 with the offset in force at that instant. */
  readonly startsAt: string;
  readonly endsAt: string;
  /** The festival day, `YYYY-MM-DD`. */
  readonly day: string;
  /** The selection's gala, if the film opens or closes the edition. */
  readonly gala: Gala | null;
}

type Queryable = Pick<pg.Pool, 'query'>;

interface EditionRow {
  id: string;
  festival_id: string;
  festival_slug: string;
  festival_name: string;
  year: number;
  starts_on: string;
  ends_on: string;
  time_zone: string;
  ticket_price_minor: number | null;
  ticket_currency: string | null;
  bulk_discounts: BulkDiscount[];
}

export interface ScreeningRow {
  id: string;
  edition_id: string;
  film_id: string;
  film_slug: string;
  film_title: string;
  film_year: number | null;
  runtime_minutes: number | null;
  venue: string;
  starts_at: Date;
  local_date: string;
  gala: Gala | null;
  time_zone: string;
}

const YEAR = /^\d{4}$/;

/**
 * Reads the programme for every festival use case: an edition by festival slug and year, and
 * screenings with their film and times. Dates come back as `YYYY-MM-DD` text (cast in SQL), so no
 * JavaScript Date ever stands for a calendar day.
 */
export class ProgrammeReader {
  constructor(private readonly db: Queryable) {}

  /** The edition, or EditionNotFoundException (404) for an unknown festival, a year that is not one, or no such edition. */
  async edition(festivalSlug: string, year: string | number): Promise<EditionRef> {
    const edition = await this.findEdition(festivalSlug, year);
    if (edition === null) throw new EditionNotFoundException(festivalSlug, year);
    return edition;
  }

  async findEdition(festivalSlug: string, year: string | number): Promise<EditionRef | null> {
    if (!YEAR.test(String(year))) return null;
    const { rows } = await this.db.query<EditionRow>({
      name: 'festival-edition',
      text: `SELECT e.id, f.id AS festival_id, f.slug AS festival_slug, f.name AS festival_name, e.year,
                    e.starts_on::text AS starts_on, e.ends_on::text AS ends_on, e.time_zone,
                    e.ticket_price_minor, e.ticket_currency, e.bulk_discounts
             FROM festival_editions e JOIN festivals f ON f.id = e.festival_id
             WHERE f.slug = $1 AND e.year = $2`,
      values: [festivalSlug, Number(year)],
    });
    return rows[0] === undefined ? null : toEdition(rows[0]);
  }

  async editionById(editionId: string): Promise<EditionRef | null> {
    const { rows } = await this.db.query<EditionRow>({
      name: 'festival-edition-by-id',
      text: `SELECT e.id, f.id AS festival_id, f.slug AS festival_slug, f.name AS festival_name, e.year,
                    e.starts_on::text AS starts_on, e.ends_on::text AS ends_on, e.time_zone,
                    e.ticket_price_minor, e.ticket_currency, e.bulk_discounts
             FROM festival_editions e JOIN festivals f ON f.id = e.festival_id
             WHERE e.id = $1`,
      values: [editionId],
    });
    return rows[0] === undefined ? null : toEdition(rows[0]);
  }

  /** One screening, or null when no screening has that id (a malformed id included). */
  async screening(screeningId: string): Promise<ScreeningView | null> {
    if (!isUuid(screeningId)) return null;
    const [screening] = await this.screenings([screeningId.toLowerCase()]);
    return screening ?? null;
  }

  /** The screenings that still exist among these ids, by start then id; deleted ones are left out. */
  async screenings(screeningIds: readonly string[]): Promise<ScreeningView[]> {
    if (screeningIds.length === 0) return [];
    const { rows } = await this.db.query<ScreeningRow>({
      name: 'festival-screenings-by-id',
      text: `SELECT s.id, s.edition_id, s.film_id, f.slug AS film_slug, f.title AS film_title,
                    f.year AS film_year, f.runtime_minutes, s.venue, s.starts_at,
                    s.local_date::text AS local_date, sel.gala, e.time_zone
             FROM festival_screenings s
             JOIN films f ON f.id = s.film_id
             JOIN festival_selections sel ON sel.edition_id = s.edition_id AND sel.film_id = s.film_id
             JOIN festival_editions e ON e.id = s.edition_id
             WHERE s.id = ANY($1::uuid[])
             ORDER BY s.starts_at, s.id`,
      values: [screeningIds],
    });
    return rows.map(toScreening);
  }
}

/** What every screening read selects (FROM festival_screenings s), for toScreening. */
export const SCREENING_SELECT = `SELECT s.id, s.edition_id, s.film_id, f.slug AS film_slug, f.title AS film_title,
                    f.year AS film_year, f.runtime_minutes, s.venue, s.starts_at,
                    s.local_date::text AS local_date, sel.gala, e.time_zone
             FROM festival_screenings s
             JOIN films f ON f.id = s.film_id
             JOIN festival_selections sel ON sel.edition_id = s.edition_id AND sel.film_id = s.film_id
             JOIN festival_editions e ON e.id = s.edition_id`;

/** An edition's screenings, of some films or all, on one festival day or all, by start then id. */
export async function editionScreenings(
  db: Queryable,
  editionId: string,
  filter: { readonly filmIds?: readonly string[]; readonly day?: string },
): Promise<ScreeningView[]> {
  // One statement per filter, so each keeps a plan that uses its own index (a day's range, or films).
  const { rows } =
    filter.day !== undefined
      ? await db.query<ScreeningRow>({
          name: 'festival-day-screenings',
          text: `${SCREENING_SELECT}
                 WHERE s.edition_id = $1 AND s.local_date = $2::date
                   AND ($3::uuid[] IS NULL OR s.film_id = ANY($3::uuid[]))
                 ORDER BY s.starts_at, s.id`,
          values: [editionId, filter.day, filter.filmIds ?? null],
        })
      : await db.query<ScreeningRow>({
          name: 'festival-edition-screenings',
          text: `${SCREENING_SELECT}
                 WHERE s.edition_id = $1 AND ($2::uuid[] IS NULL OR s.film_id = ANY($2::uuid[]))
                 ORDER BY s.starts_at, s.id`,
          values: [editionId, filter.filmIds ?? null],
        });
  return rows.map(toScreening);
}

const toEdition = (row: EditionRow): EditionRef => ({
  id: row.id,
  festival: { id: row.festival_id, slug: row.festival_slug, name: row.festival_name },
  year: row.year,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  timeZone: row.time_zone,
  ticketPrice:
    row.ticket_price_minor === null || row.ticket_currency === null
      ? null
      : { amountMinor: row.ticket_price_minor, currency: row.ticket_currency },
  bulkDiscounts: row.bulk_discounts,
});

/** A screening row (with its film's runtime and the edition's zone) as the API shows it. */
export const toScreening = (row: ScreeningRow): ScreeningView => ({
  id: row.id,
  editionId: row.edition_id,
  film: { id: row.film_id, slug: row.film_slug, title: row.film_title, year: row.film_year },
  venue: row.venue,
  startsAt: withOffset(row.starts_at, row.time_zone),
  endsAt: withOffset(endOf(row.starts_at, row.runtime_minutes), row.time_zone),
  day: row.local_date,
  gala: row.gala,
});
