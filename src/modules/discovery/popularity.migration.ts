import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The popularity read model: each standing mark with the day it was made, the marks per film and
 * day (a window is a sum over its days), and each film's standing marks (all time). The counts
 * have no CHECK (marks >= 0): a batch's decrements arrive as negative rows of an upsert, and
 * PostgreSQL checks the row proposed for insertion before it finds the conflict.
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
    // A window reads its days in order, each day's films together.
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
        marks integer NOT NULL
      )`);
    // All time, most first: read backwards along this index, a seek past the cursor's pair.
    await queryRunner.query(`CREATE INDEX film_popularity_rank_idx ON film_popularity (marks, film_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE film_popularity`);
    await queryRunner.query(`DROP TABLE film_popularity_days`);
    await queryRunner.query(`DROP TABLE popularity_marks`);
  }
}
