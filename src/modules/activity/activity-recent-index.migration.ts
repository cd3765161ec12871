import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The site's newest activity, for the home page: read from the top of this index, never sorted. */
export class AddActivityRecentIndex1765710000000 implements MigrationInterface {
  name = 'AddActivityRecentIndex1765710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX activity_recent_idx ON activity (occurred_at DESC, event_id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX activity_recent_idx`);
  }
}
