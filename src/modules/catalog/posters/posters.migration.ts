import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A film's poster: its upright size, where its original is kept, and its served WebP variants. */
export class CreateFilmPosters1765600000000 implements MigrationInterface {
  name = 'CreateFilmPosters1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE film_posters (
        film_id uuid PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        original_key text NOT NULL,
        -- {"150": "posters/<hash>.webp", "300": …, "600": …}
        variant_keys jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE film_posters`);
  }
}
