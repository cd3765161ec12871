import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { zonedStart } from '../../src/modules/festivals/domain/festival-time.js';
import { READ_MODEL_POOL } from '../../src/platform/database/database.module.js';

export interface StrandSetup {
  readonly slug: string;
  readonly name: string;
  readonly description?: string | null;
}

export interface EditionSetup {
  /** The festival's slug; a unique one when left out. */
  readonly festival?: string;
  readonly year?: number;
  readonly name?: string;
  readonly startsOn?: string;
  readonly endsOn?: string;
  readonly timeZone?: string;
  /** Minor units and currency; null: no ticket price. */
  readonly ticketPrice?: { readonly amountMinor: number; readonly currency: string } | null;
  readonly bulkDiscounts?: readonly { readonly minFilms: number; readonly percent: number }[];
  /** The first is where films go unless told otherwise; one Directors’ Showcase by default. */
  readonly strands?: readonly StrandSetup[];
}

export interface Selection {
  readonly gala?: 'opening' | 'closing' | null;
  /** A strand's slug; the edition's first strand when left out. */
  readonly strand?: string;
  readonly premiere?: 'world' | 'international' | 'european' | 'uk' | 'scottish' | null;
}

const DEFAULT_STRANDS: readonly StrandSetup[] = [{ slug: 'directors-showcase', name: 'Directors’ Showcase' }];

export interface TestEdition {
  readonly id: string;
  readonly festival: string;
  readonly name: string;
  readonly year: number;
  readonly timeZone: string;
  /** The API path of the edition's plan for the signed-in member. */
  readonly planPath: string;
}

/**
 * A festival programme written straight into its tables, so the plan's tests do not depend on
 * the admin API: an edition with one strand, selections and screenings at local times.
 */
export class FestivalProgramme {
  private readonly pool: pg.Pool;
  /** Per edition id, its strands' ids by slug, the first strand first. */
  private readonly strands = new Map<string, Map<string, string>>();

  constructor(app: INestApplication) {
    this.pool = app.get<pg.Pool>(READ_MODEL_POOL);
  }

  /** A new festival (unique slug) with one edition: EIFF-like by default (GBP 10.95, 25 % from 6, 35 % from 10). */
  async edition(setup: EditionSetup = {}): Promise<TestEdition> {
    const festival = setup.festival ?? `fest-${randomUUID().slice(0, 8)}`;
    const name = setup.name ?? 'Edinburgh International Film Festival';
    const year = setup.year ?? 2008;
    const timeZone = setup.timeZone ?? 'Europe/London';
    const price =
      setup.ticketPrice === undefined ? { amountMinor: 1095, currency: 'GBP' } : setup.ticketPrice;
    const festivalId = randomUUID();
    const id = randomUUID();
    await this.pool.query(`INSERT INTO festivals (id, slug, name) VALUES ($1, $2, $3)`, [
      festivalId,
      festival,
      name,
    ]);
    await this.pool.query(
      `INSERT INTO festival_editions (id, festival_id, year, starts_on, ends_on, time_zone, ticket_price_minor,
         ticket_currency, bulk_discounts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        festivalId,
        year,
        setup.startsOn ?? `${year}-06-18`,
        setup.endsOn ?? `${year}-06-29`,
        timeZone,
        price?.amountMinor ?? null,
        price?.currency ?? null,
        JSON.stringify(
          setup.bulkDiscounts ?? [
            { minFilms: 6, percent: 25 },
            { minFilms: 10, percent: 35 },
          ],
        ),
      ],
    );
    const strands = new Map<string, string>();
    for (const strand of setup.strands ?? DEFAULT_STRANDS) {
      const strandId = randomUUID();
      await this.pool.query(
        `INSERT INTO festival_strands (id, edition_id, slug, name, description) VALUES ($1, $2, $3, $4, $5)`,
        [strandId, id, strand.slug, strand.name, strand.description ?? null],
      );
      strands.set(strand.slug, strandId);
    }
    this.strands.set(id, strands);
    return { id, festival, name, year, timeZone, planPath: `/me/festivals/${festival}/${year}/plan` };
  }

  /** The film in the edition's selection (once), in a strand, as a premiere or a gala if told. */
  async select(edition: TestEdition, filmId: string, selection: Selection = {}): Promise<void> {
    await this.pool.query(
      `INSERT INTO festival_selections (edition_id, film_id, strand_id, premiere, gala) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (edition_id, film_id) DO UPDATE
         SET strand_id = EXCLUDED.strand_id, premiere = EXCLUDED.premiere, gala = EXCLUDED.gala`,
      [
        edition.id,
        filmId,
        this.strandId(edition, selection.strand),
        selection.premiere ?? null,
        selection.gala ?? null,
      ],
    );
  }

  /** A screening of a selected film (selected here if not yet) at a local time `YYYY-MM-DDTHH:mm`; its id. */
  async screening(edition: TestEdition, filmId: string, venue: string, localStart: string): Promise<string> {
    await this.pool.query(
      `INSERT INTO festival_selections (edition_id, film_id, strand_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [edition.id, filmId, this.strandId(edition)],
    );
    const id = randomUUID();
    const start = zonedStart(localStart, edition.timeZone);
    await this.pool.query(
      `INSERT INTO festival_screenings (id, edition_id, film_id, venue, local_start, starts_at, local_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, edition.id, filmId, venue, localStart, start.instant, start.localDate],
    );
    return id;
  }

  private strandId(edition: TestEdition, slug?: string): string {
    const strands = this.strands.get(edition.id)!;
    const id = slug === undefined ? [...strands.values()][0] : strands.get(slug);
    if (id === undefined) throw new Error(`no strand ${slug} in the test edition`);
    return id;
  }

  async deleteScreening(id: string): Promise<void> {
    await this.pool.query(`DELETE FROM festival_screenings WHERE id = $1`, [id]);
  }
}
