import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A review written with a diary entry names it, so the diary can link each entry to its review. */
export class LinkReviewsToDiaryEntries1765500000000 implements MigrationInterface {
  name = 'LinkReviewsToDiaryEntries1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reviews ADD COLUMN diary_entry_id uuid`);
    await queryRunner.query(
      `CREATE INDEX reviews_diary_entry_idx ON reviews (diary_entry_id) WHERE diary_entry_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX reviews_diary_entry_idx`);
    await queryRunner.query(`ALTER TABLE reviews DROP COLUMN diary_entry_id`);
  }
}
