import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The moderation read models: one queue item per reported (or moderated) comment, its reports,
 * and the log of moderator actions.
 */
export class CreateModerationTables1764028900000 implements MigrationInterface {
  name = 'CreateModerationTables1764028900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE moderation_queue (
        comment_id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('open', 'resolved')),
        -- A review round ends with a decision; reports after it open the next round.
        round integer NOT NULL DEFAULT 1,
        report_count integer NOT NULL DEFAULT 0,
        auto_hidden boolean NOT NULL DEFAULT false,
        first_reported_at timestamptz,
        last_reported_at timestamptz,
        decision text CHECK (decision IN ('hidden', 'restored', 'dismissed', 'deleted')),
        decided_by uuid,
        decision_reason text,
        decided_at timestamptz
      )`);
    // Open items, most reported first, then the longest waiting; resolved items, latest decision first.
    await queryRunner.query(
      `CREATE INDEX moderation_queue_open_idx ON moderation_queue (report_count DESC, first_reported_at, comment_id)
       WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX moderation_queue_resolved_idx ON moderation_queue (decided_at DESC, comment_id DESC)
       WHERE status = 'resolved'`,
    );
    await queryRunner.query(`
      CREATE TABLE moderation_reports (
        comment_id uuid NOT NULL,
        reporter_id uuid NOT NULL,
        round integer NOT NULL,
        reason text NOT NULL,
        note text,
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (comment_id, reporter_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE moderation_log (
        event_id uuid PRIMARY KEY,
        moderator_id uuid NOT NULL,
        action text NOT NULL,
        target_kind text NOT NULL CHECK (target_kind IN ('comment', 'member')),
        target_id uuid NOT NULL,
        reason text,
        at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX moderation_log_at_idx ON moderation_log (at DESC, event_id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE moderation_log`);
    await queryRunner.query(`DROP TABLE moderation_reports`);
    await queryRunner.query(`DROP TABLE moderation_queue`);
  }
}
