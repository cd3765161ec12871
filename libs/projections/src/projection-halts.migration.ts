import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a 'halt' projection stopped: the event it cannot apply, kept until it applies. */
export class AddProjectionHalts1764288000000 implements MigrationInterface {
  name = 'AddProjectionHalts1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projection_checkpoints ADD COLUMN halted jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projection_checkpoints DROP COLUMN halted`);
  }
}
