import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Films a member rated, on their profile. No rating event came before it, so zero is exact. */
export class AddProfileRatings1765200000002 implements MigrationInterface {
  name = 'AddProfileRatings1765200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_stats ADD COLUMN ratings integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_stats DROP COLUMN ratings`);
  }
}
