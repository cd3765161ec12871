import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The popularity read model: each standing mark with the day it was made; the marks per film and
 * day; and per film, its standing marks of all time and of the windows (today, 7 and 30 days)
 * ending on `popularity_clock.as_of`, the latest day a mark was made, each with an index to read
 * the most marked first. The counts have no CHECK (marks >= 0): a batch's decrements arrive as
 * negative rows of an upsert, and PostgreSQL checks the row proposed for insertion before it
 * finds the conflict.
 */
export class CreatePopularity1765700000000 implements MigrationInterface {
  name = 'CreatePopularity1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE popularity_marks (
        user_id uuid NOT NULL,
        film_id uuid NOT NULL,
        kind smallint NOT NULL,
        marked_on date NOT NULL,
        PRIMARY KEY (user_id, film_id, kind)
      )`);
    // A window's marks are read by day when its counters are moved on to a later day.
    await queryRunner.query(`
      CREATE TABLE film_popularity_days (
        day date NOT NULL,
        film_id uuid NOT NULL,
        marks integer NOT NULL,
        PRIMARY KEY (day, film_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE film_popularity (
        film_id uuid PRIMARY KEY,
        marks integer NOT NULL,
        today_marks integer NOT NULL DEFAULT 0,
        week_marks integer NOT NULL DEFAULT 0,
        month_marks integer NOT NULL DEFAULT 0
      )`);
    // Most first: each read backwards along its index, a seek past the cursor's pair.
    for (const column of ['marks', 'today_marks', 'week_marks', 'month_marks']) {
      await queryRunner.query(
        `CREATE INDEX film_popularity_${column}_idx ON film_popularity (${column}, film_id)`,
      );
    }
    await queryRunner.query(`
      CREATE TABLE popularity_clock (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        as_of date NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE popularity_clock`);
    await queryRunner.query(`DROP TABLE film_popularity`);
    await queryRunner.query(`DROP TABLE film_popularity_days`);
    await queryRunner.query(`DROP TABLE popularity_marks`);
  }
}
