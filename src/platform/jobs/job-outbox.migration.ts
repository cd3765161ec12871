import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs decided by a projection, written in the projection's own transaction and handed to
 * BullMQ by the relay: an event's job is neither lost when Redis is down nor queued twice.
 */
export class CreateJobOutbox1764028700000 implements MigrationInterface {
  name = 'CreateJobOutbox1764028700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        name text NOT NULL,
        -- Derived from the triggering event's id: BullMQ keeps one job per id.
        job_id text NOT NULL UNIQUE,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE job_outbox`);
  }
}
