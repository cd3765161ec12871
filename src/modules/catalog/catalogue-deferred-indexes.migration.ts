import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The films indexes a first catalogue load dropped and builds at its end: recorded before they
 * are dropped, so an import killed midway leaves them for the next one to build.
 */
export class AddCatalogueDeferredIndexes1765920000000 implements MigrationInterface {
  name = 'AddCatalogueDeferredIndexes1765920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE catalogue_deferred_indexes (
         name text PRIMARY KEY,
         definition text NOT NULL,
         deferred_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE catalogue_deferred_indexes`);
  }
}
