import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "commented" rows of hidden comments wait in `activity_withheld` (same columns) until a
 * moderator restores the comment, when they go back with their original time; the activity
 * queries and their indexes stay as they are. Both tables are found by comment (subject_id)
 * when a comment is hidden, restored or deleted.
 */
export class CreateActivityWithheld1764029000000 implements MigrationInterface {
  name = 'CreateActivityWithheld1764029000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity_withheld (
        event_id uuid PRIMARY KEY,
        actor_id uuid NOT NULL,
        film_id uuid NOT NULL,
        verb text NOT NULL,
        occurred_at timestamptz NOT NULL,
        subject_id uuid
      )`);
    await queryRunner.query(`CREATE INDEX activity_withheld_subject_idx ON activity_withheld (subject_id)`);
    await queryRunner.query(
      `CREATE INDEX activity_subject_idx ON activity (subject_id) WHERE subject_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX activity_subject_idx`);
    await queryRunner.query(`DROP TABLE activity_withheld`);
  }
}
