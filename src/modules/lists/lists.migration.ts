import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lists read models, all kept by the `lists` projection: the lists, their entries (current
 * and past, for the film page's "has been in"), and each member's progress on each list with the
 * checked films it is counted from.
 */
export class CreateListTables1764115200000 implements MigrationInterface {
  name = 'CreateListTables1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lists (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('official', 'personal')),
        ranked boolean NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('private', 'friends', 'public')),
        title text NOT NULL,
        description text,
        size integer NOT NULL DEFAULT 0,
        edition integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    // A member's lists, newest first; public lists (official or not), newest first.
    await queryRunner.query(
      `CREATE INDEX lists_owner_idx ON lists (owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX lists_public_idx ON lists (kind, created_at DESC, id DESC)
       WHERE deleted_at IS NULL AND visibility = 'public'`,
    );
    await queryRunner.query(`
      CREATE TABLE list_entries (
        list_id uuid NOT NULL,
        film_id uuid NOT NULL,
        -- A fractional index: moving one film rewrites its key alone. Byte order ("C"), as the keys are made for it.
        position text COLLATE "C",
        note text,
        added_at timestamptz NOT NULL,
        -- Set when the film leaves the list; the row stays as history.
        removed_at timestamptz,
        PRIMARY KEY (list_id, film_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX list_entries_order_idx ON list_entries (list_id, position) WHERE removed_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX list_entries_film_idx ON list_entries (film_id)`);
    await queryRunner.query(`
      CREATE TABLE list_checks (
        user_id uuid NOT NULL,
        film_id uuid NOT NULL,
        PRIMARY KEY (user_id, film_id)
      )`);
    await queryRunner.query(`CREATE INDEX list_checks_film_idx ON list_checks (film_id, user_id)`);
    await queryRunner.query(`
      CREATE TABLE list_progress (
        list_id uuid NOT NULL,
        user_id uuid NOT NULL,
        checked integer NOT NULL,
        PRIMARY KEY (list_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX list_progress_user_idx ON list_progress (user_id, list_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE list_progress`);
    await queryRunner.query(`DROP TABLE list_checks`);
    await queryRunner.query(`DROP TABLE list_entries`);
    await queryRunner.query(`DROP TABLE lists`);
  }
}
