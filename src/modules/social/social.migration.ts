import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who follows whom (the follows projection), and the profile counts that come from follows.
 * `user_stats` gains followers, following and comments; its projection is rebuilt to fill them.
 */
export class CreateSocialTables1763942400000 implements MigrationInterface {
  name = 'CreateSocialTables1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE follows (
        follower_id uuid NOT NULL,
        followee_id uuid NOT NULL,
        followed_at timestamptz NOT NULL,
        PRIMARY KEY (follower_id, followee_id)
      )`);
    // Followers of a member, newest first (keyset paging), and whom a member follows, newest first.
    await queryRunner.query(
      `CREATE INDEX follows_followee_idx ON follows (followee_id, followed_at DESC, follower_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX follows_follower_idx ON follows (follower_id, followed_at DESC, followee_id DESC)`,
    );
    await queryRunner.query(`
      ALTER TABLE user_stats
        ADD COLUMN followers integer NOT NULL DEFAULT 0,
        ADD COLUMN following integer NOT NULL DEFAULT 0,
        ADD COLUMN comments integer NOT NULL DEFAULT 0`);
    // A member's checks, newest first, for their profile.
    await queryRunner.query(
      `CREATE INDEX user_film_state_user_checked_idx ON user_film_state (user_id, checked_at DESC, film_id DESC)
       WHERE checked`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX user_film_state_user_checked_idx`);
    await queryRunner.query(
      `ALTER TABLE user_stats DROP COLUMN followers, DROP COLUMN following, DROP COLUMN comments`,
    );
    await queryRunner.query(`DROP TABLE follows`);
  }
}
