import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the film log. `user_film_state` holds only films a member has a mark on (a row
 * whose marks are all cleared is removed); the counters are kept by their projections from events.
 * The counters carry no CHECK (>= 0): an upsert adds a batch's net change, which may be negative,
 * and PostgreSQL checks the row proposed for insertion before it finds the conflict.
 */
export class CreateFilmLogTables1763856000000 implements MigrationInterface {
  name = 'CreateFilmLogTables1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_film_state (
        user_id uuid NOT NULL,
        film_id uuid NOT NULL,
        checked boolean NOT NULL,
        checked_at timestamptz,
        watched_on date,
        favourite boolean NOT NULL,
        disliked boolean NOT NULL,
        watchlisted boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, film_id)
      )`);
    // Who has seen a film (friends who saw it, film pages).
    await queryRunner.query(
      `CREATE INDEX user_film_state_film_checked_idx ON user_film_state (film_id) WHERE checked`,
    );
    await queryRunner.query(`
      CREATE TABLE film_stats (
        film_id uuid PRIMARY KEY,
        checks integer NOT NULL DEFAULT 0,
        favourites integer NOT NULL DEFAULT 0,
        dislikes integer NOT NULL DEFAULT 0,
        watchlists integer NOT NULL DEFAULT 0,
        comments integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE user_stats (
        user_id uuid PRIMARY KEY,
        checked integer NOT NULL DEFAULT 0,
        favourites integer NOT NULL DEFAULT 0,
        dislikes integer NOT NULL DEFAULT 0,
        watchlist integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_stats`);
    await queryRunner.query(`DROP TABLE film_stats`);
    await queryRunner.query(`DROP TABLE user_film_state`);
  }
}
