import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Films newest first (GET /films?sort=release): one ascending index on the year negated, so a
 * page is a seek with one row comparison and films without a year (key 0) come last.
 */
export class AddFilmReleaseOrder1765810000000 implements MigrationInterface {
  name = 'AddFilmReleaseOrder1765810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX films_release_idx ON films ((-coalesce(year, 0)), title, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX films_release_idx`);
  }
}
