import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members' data keys, wrapped by a master key (docs/adr/0022), and the members erased: a key is
 * never made again for them.
 */
export class CreateMemberKeys1765900000000 implements MigrationInterface {
  name = 'CreateMemberKeys1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE member_keys (
        member_id uuid PRIMARY KEY,
        master_key_id text NOT NULL,
        wrapped bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX member_keys_master_key ON member_keys (master_key_id)`);
    await queryRunner.query(`
      CREATE TABLE member_erasures (
        member_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member_erasures`);
    await queryRunner.query(`DROP TABLE member_keys`);
  }
}
