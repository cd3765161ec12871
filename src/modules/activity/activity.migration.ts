import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who did what to which film, and when: one row per standing action. Undoing an action deletes
 * its row, so a retracted favourite is in no feed; doing it again adds a row with the new time.
 */
export class CreateActivityTable1763942500000 implements MigrationInterface {
  name = 'CreateActivityTable1763942500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity (
        event_id uuid PRIMARY KEY,
        actor_id uuid NOT NULL,
        film_id uuid NOT NULL,
        verb text NOT NULL,
        occurred_at timestamptz NOT NULL,
        -- The comment or list the action is about, for verbs that have one.
        subject_id uuid
      )`);
    // A mark (checked, favourited, disliked, watchlisted) stands at most once per member and film.
    await queryRunner.query(
      `CREATE UNIQUE INDEX activity_mark_idx ON activity (actor_id, film_id, verb)
       WHERE verb IN ('checked', 'favourited', 'disliked', 'watchlisted')`,
    );
    // Newest first by (occurred_at, event_id): a film's activity, a member's activity (and feeds).
    await queryRunner.query(
      `CREATE INDEX activity_film_idx ON activity (film_id, occurred_at DESC, event_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX activity_actor_idx ON activity (actor_id, occurred_at DESC, event_id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE activity`);
  }
}
