import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marks of erased members, as counts per day and film: which marks were theirs goes, what
 * they added to the days and windows stays, so a summary recomputed from the marks still counts
 * them.
 */
export class AddPopularityErasedDays1765940000000 implements MigrationInterface {
  name = 'AddPopularityErasedDays1765940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE popularity_erased_days (
        day date NOT NULL,
        film_id uuid NOT NULL,
        marks integer NOT NULL,
        PRIMARY KEY (day, film_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE popularity_erased_days`);
  }
}
