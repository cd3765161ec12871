import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews share the moderation queue with comments: an item and its reports name their subject
 * (a comment's or a review's id; both are UUIDs, so they never meet) and its kind, and the log's
 * target may be a review.
 */
export class ModerateReviews1765400000001 implements MigrationInterface {
  name = 'ModerateReviews1765400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE moderation_queue RENAME COLUMN comment_id TO subject_id`);
    await queryRunner.query(
      `ALTER TABLE moderation_queue
         ADD COLUMN kind text NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'review'))`,
    );
    await queryRunner.query(`ALTER TABLE moderation_reports RENAME COLUMN comment_id TO subject_id`);
    await queryRunner.query(`ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_target_kind_check`);
    await queryRunner.query(
      `ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_target_kind_check
         CHECK (target_kind IN ('comment', 'review', 'member'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM moderation_log WHERE target_kind = 'review'`);
    await queryRunner.query(`ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_target_kind_check`);
    await queryRunner.query(
      `ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_target_kind_check
         CHECK (target_kind IN ('comment', 'member'))`,
    );
    await queryRunner.query(
      `DELETE FROM moderation_reports WHERE subject_id IN (SELECT subject_id FROM moderation_queue WHERE kind = 'review')`,
    );
    await queryRunner.query(`DELETE FROM moderation_queue WHERE kind = 'review'`);
    await queryRunner.query(`ALTER TABLE moderation_reports RENAME COLUMN subject_id TO comment_id`);
    await queryRunner.query(`ALTER TABLE moderation_queue DROP COLUMN kind`);
    await queryRunner.query(`ALTER TABLE moderation_queue RENAME COLUMN subject_id TO comment_id`);
  }
}
