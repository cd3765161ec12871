import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each projection stands (live and rebuild checkpoints) and the events it had to skip. */
export class CreateProjectionTables1763683300000 implements MigrationInterface {
  name = 'CreateProjectionTables1763683300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        projection text PRIMARY KEY,
        version integer NOT NULL,
        checkpoint text,
        rebuild_version integer,
        rebuild_checkpoint text,
        rebuild_requested_at timestamptz,
        last_error text,
        failing_since timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE projection_dead_letters (
        id bigserial PRIMARY KEY,
        projection text NOT NULL,
        position text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        stream_id text NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        dead_lettered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT projection_dead_letters_event_key UNIQUE (projection, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projection_dead_letters`);
    await queryRunner.query(`DROP TABLE projection_checkpoints`);
  }
}
