import type { MigrationInterface, QueryRunner } from 'typeorm';
import { storedTitleKeys } from './films/film-title-key.js';

const BACKFILL_BATCH = 10_000;

/**
 * The matcher's key of each film's title and original title, stored and indexed, so matching an
 * export reads only the films that share a row's title instead of every film of its years. The
 * keys are computed in TypeScript, as the search text is; a change to titleKeys needs a
 * migration that recomputes them.
 */
export class AddFilmTitleKeys1765930000000 implements MigrationInterface {
  name = 'AddFilmTitleKeys1765930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE films ADD COLUMN title_key text, ADD COLUMN original_title_key text`,
    );
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, title, original_title FROM films WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_BATCH}`,
        [after],
      )) as { id: string; title: string; original_title: string | null }[];
      if (rows.length === 0) break;
      const keys = rows.map((row) => storedTitleKeys(row.title, row.original_title));
      await queryRunner.query(
        `UPDATE films f SET title_key = k.title_key, original_title_key = k.original_title_key
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS k(id, title_key, original_title_key)
          WHERE f.id = k.id`,
        [rows.map((row) => row.id), keys.map((key) => key.titleKey), keys.map((key) => key.originalTitleKey)],
      );
      after = rows[rows.length - 1]!.id;
    }
    await queryRunner.query(`ALTER TABLE films ALTER COLUMN title_key SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX films_title_key_idx ON films (title_key)`);
    await queryRunner.query(
      `CREATE INDEX films_original_title_key_idx ON films (original_title_key)
         WHERE original_title_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE films DROP COLUMN original_title_key, DROP COLUMN title_key`);
  }
}
