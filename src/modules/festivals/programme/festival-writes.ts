import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import { LocalStartRefused, zonedStart } from '../domain/festival-time.js';
import { FestivalNotFoundException } from './programme-errors.js';
import { amountToMinor, duplicateThreshold, isSlug, isYear, SLUG_MESSAGE } from './programme-input.js';
import { ProgrammeReader, type BulkDiscount, type EditionRef } from './programme-reader.js';
import {
  editionResource,
  type EditionResource,
  type FestivalResource,
  type StrandResource,
  type WriteOutcome,
  type Written,
} from './programme-resources.js';
import { ProgrammeRuleViolation } from './programme-rule.js';

export interface FestivalInput {
  readonly name: string;
  readonly description?: string | null;
}

export interface EditionInput {
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  readonly ticketPrice?: { readonly amount: string; readonly currency: string } | null;
  readonly bulkDiscounts?: readonly BulkDiscount[];
}

export type StrandInput = FestivalInput;

/** `RETURNING (xmax = 0)` is true for an inserted row; no row at all means nothing differed. */
export const outcomeOf = (rows: readonly { created: boolean }[]): WriteOutcome =>
  rows[0] === undefined ? 'unchanged' : rows[0].created ? 'created' : 'updated';

const refuseBadSlug = (field: string, value: string): void => {
  if (!isSlug(value)) throw new InvalidInputException([{ field, message: `${field} ${SLUG_MESSAGE}` }]);
};

/** Festivals, editions and strands, written inside the caller's transaction. */
export class FestivalWrites {
  private readonly reader: ProgrammeReader;

  constructor(private readonly client: pg.PoolClient) {
    this.reader = new ProgrammeReader(client);
  }

  async putFestival(slug: string, input: FestivalInput): Promise<Written<FestivalResource>> {
    refuseBadSlug('festival', slug);
    const resource = { slug, name: input.name, description: input.description ?? null };
    const { rows } = await this.client.query<{ created: boolean }>(
      `INSERT INTO festivals (id, slug, name, description) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, updated_at = now()
       WHERE (festivals.name, festivals.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description)
       RETURNING (xmax = 0) AS created`,
      [randomUUID(), slug, resource.name, resource.description],
    );
    return { outcome: outcomeOf(rows), resource };
  }

  async putEdition(slug: string, year: string, input: EditionInput): Promise<Written<EditionResource>> {
    if (!isYear(year))
      throw new InvalidInputException([{ field: 'year', message: 'year must be four digits' }]);
    refuseEditionInput(input);
    const festival = await this.client.query<{ id: string }>('SELECT id FROM festivals WHERE slug = $1', [
      slug,
    ]);
    if (festival.rows[0] === undefined) throw new FestivalNotFoundException(slug);
    const festivalId = festival.rows[0].id;
    const existing = await this.client.query<{ id: string }>(
      'SELECT id FROM festival_editions WHERE festival_id = $1 AND year = $2 FOR UPDATE',
      [festivalId, Number(year)],
    );
    if (existing.rows[0] !== undefined) await this.reschedule(existing.rows[0].id, input);
    const discounts = [...(input.bulkDiscounts ?? [])]
      .sort((a, b) => a.minFilms - b.minFilms)
      .map(({ minFilms, percent }) => ({ minFilms, percent }));
    const price = input.ticketPrice ?? null;
    const { rows } = await this.client.query<{ created: boolean }>(
      `INSERT INTO festival_editions
         (id, festival_id, year, starts_on, ends_on, time_zone, ticket_price_minor, ticket_currency, bulk_discounts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (festival_id, year) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
         time_zone = EXCLUDED.time_zone, ticket_price_minor = EXCLUDED.ticket_price_minor,
         ticket_currency = EXCLUDED.ticket_currency, bulk_discounts = EXCLUDED.bulk_discounts, updated_at = now()
       WHERE (festival_editions.starts_on, festival_editions.ends_on, festival_editions.time_zone,
              festival_editions.ticket_price_minor, festival_editions.ticket_currency, festival_editions.bulk_discounts)
         IS DISTINCT FROM (EXCLUDED.starts_on, EXCLUDED.ends_on, EXCLUDED.time_zone,
              EXCLUDED.ticket_price_minor, EXCLUDED.ticket_currency, EXCLUDED.bulk_discounts)
       RETURNING (xmax = 0) AS created`,
      [
        randomUUID(),
        festivalId,
        Number(year),
        input.startsOn,
        input.endsOn,
        input.timeZone,
        price === null ? null : amountToMinor(price.amount),
        price?.currency ?? null,
        JSON.stringify(discounts),
      ],
    );
    return { outcome: outcomeOf(rows), resource: editionResource(await this.reader.edition(slug, year)) };
  }

  async putStrand(edition: EditionRef, slug: string, input: StrandInput): Promise<Written<StrandResource>> {
    refuseBadSlug('strand', slug);
    const resource = { slug, name: input.name, description: input.description ?? null };
    const { rows } = await this.client.query<{ created: boolean }>(
      `INSERT INTO festival_strands (id, edition_id, slug, name, description) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (edition_id, slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description
       WHERE (festival_strands.name, festival_strands.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description)
       RETURNING (xmax = 0) AS created`,
      [randomUUID(), edition.id, slug, resource.name, resource.description],
    );
    return { outcome: outcomeOf(rows), resource };
  }

  /**
   * A new zone re-reads every screening's local start (the programme is printed in local time);
   * new dates may not leave a screening outside them.
   */
  private async reschedule(editionId: string, input: EditionInput): Promise<void> {
    const { rows } = await this.client.query<{ id: string; local_start: string; local_date: string }>(
      'SELECT id, local_start, local_date::text AS local_date FROM festival_screenings WHERE edition_id = $1',
      [editionId],
    );
    const before = rows.find((row) => row.local_date < input.startsOn);
    if (before !== undefined)
      throw new ProgrammeRuleViolation(
        'screenings-outside-edition',
        'startsOn',
        `A screening starts on ${before.local_date}, before ${input.startsOn}: move or delete it first`,
      );
    const after = rows.find((row) => row.local_date > input.endsOn);
    if (after !== undefined)
      throw new ProgrammeRuleViolation(
        'screenings-outside-edition',
        'endsOn',
        `A screening starts on ${after.local_date}, after ${input.endsOn}: move or delete it first`,
      );
    for (const row of rows) {
      await this.client.query('UPDATE festival_screenings SET starts_at = $2 WHERE id = $1', [
        row.id,
        startIn(row.local_start, input.timeZone),
      ]);
    }
  }
}

function startIn(localStart: string, zone: string): Date {
  try {
    return zonedStart(localStart, zone).instant;
  } catch (error) {
    if (!(error instanceof LocalStartRefused)) throw error;
    throw new ProgrammeRuleViolation(
      'start-does-not-exist',
      'timeZone',
      `The screening at ${localStart} would fall in a clock change in ${zone}: move it first`,
    );
  }
}

/** What class-validator cannot see field by field: the order of the dates, repeated tiers. */
function refuseEditionInput(input: EditionInput): void {
  if (input.endsOn < input.startsOn)
    throw new InvalidInputException([{ field: 'endsOn', message: 'endsOn must not be before startsOn' }]);
  const repeated = duplicateThreshold(input.bulkDiscounts ?? []);
  if (repeated !== null)
    throw new InvalidInputException([
      { field: 'bulkDiscounts', message: `bulkDiscounts has two tiers for minFilms ${repeated}` },
    ]);
}
