import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rated` activity: the stars on the item, and `rated` among the marks that stand at most once per
 * member and film (the unique index's list must match the projection's, so the planner uses it).
 * The member index covers the stars too, so feed pages stay index-only reads.
 */
export class AddRatedActivity1765200000001 implements MigrationInterface {
  name = 'AddRatedActivity1765200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE activity ADD COLUMN rating_half_stars smallint CHECK (rating_half_stars BETWEEN 1 AND 10)`,
    );
    await queryRunner.query(`DROP INDEX activity_mark_idx`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX activity_mark_idx ON activity (actor_id, film_id, verb)
       WHERE verb IN ('checked', 'favourited', 'disliked', 'watchlisted', 'rated')`,
    );
    await queryRunner.query(`DROP INDEX activity_actor_idx`);
    await queryRunner.query(
      `CREATE INDEX activity_actor_idx ON activity (actor_id, occurred_at DESC, event_id DESC)
       INCLUDE (film_id, verb, rating_half_stars)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM activity WHERE verb = 'rated'`);
    await queryRunner.query(`DROP INDEX activity_actor_idx`);
    await queryRunner.query(
      `CREATE INDEX activity_actor_idx ON activity (actor_id, occurred_at DESC, event_id DESC)
       INCLUDE (film_id, verb)`,
    );
    await queryRunner.query(`DROP INDEX activity_mark_idx`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX activity_mark_idx ON activity (actor_id, film_id, verb)
       WHERE verb IN ('checked', 'favourited', 'disliked', 'watchlisted')`,
    );
    await queryRunner.query(`ALTER TABLE activity DROP COLUMN rating_half_stars`);
  }
}
