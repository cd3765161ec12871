import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's activity index carries the film and the verb, so the feed, a member's activity and
 * their favourites or watchlist are read from the index alone: the feed's heads (one row per
 * followee) and pages never touch the table, and a favourites page of a member with thousands of
 * checks skips those in the index instead of fetching each row.
 */
export class CoverActivityActorIndex1763942560000 implements MigrationInterface {
  name = 'CoverActivityActorIndex1763942560000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX activity_actor_idx`);
    await queryRunner.query(
      `CREATE INDEX activity_actor_idx ON activity (actor_id, occurred_at DESC, event_id DESC)
       INCLUDE (film_id, verb)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX activity_actor_idx`);
    await queryRunner.query(
      `CREATE INDEX activity_actor_idx ON activity (actor_id, occurred_at DESC, event_id DESC)`,
    );
  }
}
