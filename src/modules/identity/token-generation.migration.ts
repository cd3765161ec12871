import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's access tokens carry the generation they were issued in; signing out everywhere (or a
 * new password) moves the member to the next one, and every token of an earlier one is refused
 * (docs/adr/0021).
 */
export class AddTokenGeneration1765810000000 implements MigrationInterface {
  name = 'AddTokenGeneration1765810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE accounts ADD COLUMN token_generation integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE accounts DROP COLUMN token_generation`);
  }
}
