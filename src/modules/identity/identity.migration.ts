import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts hold the credentials (never in events); `members` is the read model of the member streams. */
export class CreateIdentityTables1763769500000 implements MigrationInterface {
  name = 'CreateIdentityTables1763769500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        username_key text NOT NULL,
        email text,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accounts_username_key_unique UNIQUE (username_key),
        CONSTRAINT accounts_email_unique UNIQUE (email)
      )`);
    await queryRunner.query(`
      CREATE TABLE members (
        user_id uuid PRIMARY KEY,
        roles text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        suspended_until timestamptz,
        suspension_reason text,
        joined_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE members`);
    await queryRunner.query(`DROP TABLE accounts`);
  }
}
