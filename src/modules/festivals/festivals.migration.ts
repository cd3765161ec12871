import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Festivals: the programme is reference data in plain tables that admins write (like the
 * catalogue); members' plans are event-sourced and these plan tables are kept by the
 * `festival-plans` projection.
 */
export class CreateFestivalTables1765000000000 implements MigrationInterface {
  name = 'CreateFestivalTables1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE festivals (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE festival_editions (
        id uuid PRIMARY KEY,
        festival_id uuid NOT NULL REFERENCES festivals (id) ON DELETE CASCADE,
        year integer NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        time_zone text NOT NULL,
        -- Money in minor units (pence, cents), so sums are exact.
        ticket_price_minor integer CHECK (ticket_price_minor >= 0),
        ticket_currency text,
        -- [{ minFilms, percent }], ordered by minFilms.
        bulk_discounts jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (festival_id, year),
        CHECK ((ticket_price_minor IS NULL) = (ticket_currency IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE festival_strands (
        id uuid PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES festival_editions (id) ON DELETE CASCADE,
        slug text NOT NULL,
        name text NOT NULL,
        description text,
        UNIQUE (edition_id, slug)
      )`);
    await queryRunner.query(`
      CREATE TABLE festival_selections (
        edition_id uuid NOT NULL REFERENCES festival_editions (id) ON DELETE CASCADE,
        film_id uuid NOT NULL REFERENCES films (id),
        strand_id uuid NOT NULL REFERENCES festival_strands (id),
        premiere text CHECK (premiere IN ('world', 'international', 'european', 'uk', 'scottish')),
        gala text CHECK (gala IN ('opening', 'closing')),
        note text,
        PRIMARY KEY (edition_id, film_id)
      )`);
    await queryRunner.query(`CREATE INDEX festival_selections_film_idx ON festival_selections (film_id)`);
    await queryRunner.query(`CREATE INDEX festival_selections_strand_idx ON festival_selections (strand_id)`);
    await queryRunner.query(`
      CREATE TABLE festival_screenings (
        id uuid PRIMARY KEY,
        edition_id uuid NOT NULL,
        film_id uuid NOT NULL,
        venue text NOT NULL,
        -- As the admin wrote it (YYYY-MM-DDTHH:mm in the edition's zone): kept so a change of the
        -- edition's time zone re-reads it instead of shifting every screening.
        local_start text NOT NULL,
        starts_at timestamptz NOT NULL,
        -- The local date of the start in the edition's zone: the festival day it belongs to.
        local_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Deleting a selection deletes its screenings.
        FOREIGN KEY (edition_id, film_id) REFERENCES festival_selections (edition_id, film_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX festival_screenings_day_idx ON festival_screenings (edition_id, local_date, starts_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX festival_screenings_film_idx ON festival_screenings (edition_id, film_id, starts_at)`,
    );

    // Kept by the festival-plans projection. owner_id and visibility are named as on lists, so the
    // lists' visibility rule reads a plan row as it reads a list row.
    await queryRunner.query(`
      CREATE TABLE festival_plans (
        owner_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('private', 'friends', 'public')),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (owner_id, edition_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE festival_plan_items (
        owner_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        screening_id uuid NOT NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (owner_id, edition_id, screening_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX festival_plan_items_screening_idx ON festival_plan_items (screening_id, owner_id)`,
    );

    // Calendar subscription tokens are secrets: only their SHA-256 is kept, outside the events.
    await queryRunner.query(`
      CREATE TABLE festival_plan_calendars (
        owner_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_id, edition_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE festival_plan_calendars`);
    await queryRunner.query(`DROP TABLE festival_plan_items`);
    await queryRunner.query(`DROP TABLE festival_plans`);
    await queryRunner.query(`DROP TABLE festival_screenings`);
    await queryRunner.query(`DROP TABLE festival_selections`);
    await queryRunner.query(`DROP TABLE festival_strands`);
    await queryRunner.query(`DROP TABLE festival_editions`);
    await queryRunner.query(`DROP TABLE festivals`);
  }
}
