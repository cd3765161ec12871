import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports: the uploaded files, kept until their job has run (the worker that runs it may be
 * another process, and a crashed job starts again from the file), and the `imports` read model
 * with each import's status, progress and result.
 */
export class CreateImportTables1764201600000 implements MigrationInterface {
  name = 'CreateImportTables1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE import_files (
        import_id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        file_name text NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        source text NOT NULL,
        file_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        done integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        -- { checked, favourites, watchlist, lists, unmatched } once completed
        counts jsonb,
        -- [{ title, year, file, line }]
        unmatched jsonb NOT NULL DEFAULT '[]',
        -- [{ file, line, reason }]: rows that could not be read
        row_errors jsonb NOT NULL DEFAULT '[]',
        -- { file: rows } read but not imported yet (Letterboxd ratings and reviews)
        not_imported jsonb NOT NULL DEFAULT '{}',
        failure text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX imports_member_idx ON imports (member_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE imports`);
    await queryRunner.query(`DROP TABLE import_files`);
  }
}
