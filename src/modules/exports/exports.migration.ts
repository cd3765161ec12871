import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports: the archives, in chunks (ExportFiles writes one as the job streams the zip and reads
 * them back in order for the download, so neither side holds a whole archive), and the `exports`
 * read model with each export's status and progress. Chunks live in the database, as uploaded
 * import files do, so an api and a worker on different machines share them.
 */
export class CreateExportTables1765912300000 implements MigrationInterface {
  name = 'CreateExportTables1765912300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE export_file_chunks (
        export_id uuid NOT NULL,
        member_id uuid NOT NULL,
        seq integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (export_id, seq)
      )`);
    await queryRunner.query(`CREATE INDEX export_file_chunks_member_idx ON export_file_chunks (member_id)`);
    await queryRunner.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        done integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        bytes bigint,
        failure text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX exports_member_idx ON exports (member_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE exports`);
    await queryRunner.query(`DROP TABLE export_file_chunks`);
  }
}
