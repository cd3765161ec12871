import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The diary: one row per viewing, kept from the film-log stream's viewing events, and the number
 * of viewings on the member's state for the film. `diary_entry_keys` is not a projection: the
 * command writes it before it appends an entry, so a write to `/diary/{id}` finds the member and
 * film whose stream holds the entry without waiting for a projection (ADR 0015).
 */
export class AddDiary1765300000000 implements MigrationInterface {
  name = 'AddDiary1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE diary_entry_keys (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        film_id uuid NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE diary_entries (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        film_id uuid NOT NULL,
        watched_on date NOT NULL,
        rewatch boolean NOT NULL,
        rating_half_stars smallint CHECK (rating_half_stars BETWEEN 1 AND 10),
        logged_at timestamptz NOT NULL
      )`);
    // A member's diary, latest viewing first, paged by keyset on the same order.
    await queryRunner.query(
      `CREATE INDEX diary_entries_member_idx
         ON diary_entries (user_id, watched_on DESC, logged_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX diary_entries_pair_idx ON diary_entries (user_id, film_id)`);
    await queryRunner.query(`ALTER TABLE user_film_state ADD COLUMN viewings integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE user_stats ADD COLUMN diary_entries integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_stats DROP COLUMN diary_entries`);
    await queryRunner.query(`ALTER TABLE user_film_state DROP COLUMN viewings`);
    await queryRunner.query(`DROP TABLE diary_entries`);
    await queryRunner.query(`DROP TABLE diary_entry_keys`);
  }
}
