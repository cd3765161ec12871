import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments on film pages (the comments projection), and the counts of visible comments per film
 * and per author. The counts live with the comments because only the comments projection knows
 * whether a comment was visible before an event; `film_stats` and `user_stats` lose their
 * never-filled `comments` columns and the stats queries join these tables instead.
 */
export class CreateCommentTables1764028800000 implements MigrationInterface {
  name = 'CreateCommentTables1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY,
        film_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        hidden boolean NOT NULL DEFAULT false,
        -- Kept after deletion, so the moderation history still shows what was decided on.
        deleted_at timestamptz
      )`);
    // A film's comments, oldest first (keyset paging), deleted ones left out.
    await queryRunner.query(
      `CREATE INDEX comments_film_idx ON comments (film_id, created_at, id) WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE film_comment_counts (
        film_id uuid PRIMARY KEY,
        comments integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE member_comment_counts (
        user_id uuid PRIMARY KEY,
        comments integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE film_stats DROP COLUMN comments`);
    await queryRunner.query(`ALTER TABLE user_stats DROP COLUMN comments`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_stats ADD COLUMN comments integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE film_stats ADD COLUMN comments integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`DROP TABLE member_comment_counts`);
    await queryRunner.query(`DROP TABLE film_comment_counts`);
    await queryRunner.query(`DROP TABLE comments`);
  }
}
