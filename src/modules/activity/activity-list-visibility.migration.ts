import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity projection's own note of each personal list's owner and whether it is public, so
 * a film added to a list becomes a "listed" row by its owner only while the list is public.
 * Official lists are not kept: curation is no member's activity.
 */
export class CreateActivityListVisibility1764115300000 implements MigrationInterface {
  name = 'CreateActivityListVisibility1764115300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity_list_visibility (
        list_id uuid PRIMARY KEY,
        owner_id uuid NOT NULL,
        public boolean NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE activity_list_visibility`);
  }
}
