import type { MigrationInterface, QueryRunner } from 'typeorm';

const BUCKETS = Array.from({ length: 10 }, (_, index) => `rated_${index + 1}`);

/**
 * Ratings in the film log's read models: the member's rating on `user_film_state` (half stars,
 * 1–10), and on `film_stats` the count, the sum in half stars and the ten-bucket histogram, moved
 * by each rating event's difference. Existing rows start at zero, which is what the log says:
 * no rating event came before this migration.
 */
export class AddFilmRatings1765200000000 implements MigrationInterface {
  name = 'AddFilmRatings1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE user_film_state ADD COLUMN rating_half_stars smallint
         CHECK (rating_half_stars BETWEEN 1 AND 10)`,
    );
    await queryRunner.query(
      `ALTER TABLE film_stats
         ADD COLUMN ratings integer NOT NULL DEFAULT 0,
         ADD COLUMN rating_half_stars integer NOT NULL DEFAULT 0,
         ${BUCKETS.map((column) => `ADD COLUMN ${column} integer NOT NULL DEFAULT 0`).join(', ')}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE film_stats DROP COLUMN ratings, DROP COLUMN rating_half_stars,
         ${BUCKETS.map((column) => `DROP COLUMN ${column}`).join(', ')}`,
    );
    await queryRunner.query(`ALTER TABLE user_film_state DROP COLUMN rating_half_stars`);
  }
}
