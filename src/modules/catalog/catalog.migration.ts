import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The film catalogue: reference data in plain tables (not event-sourced), searched with pg_trgm. */
export class CreateCatalogTables1763769600000 implements MigrationInterface {
  name = 'CreateCatalogTables1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        created_at timestamptz DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX people_name_key_idx ON people (name_key)`);
    await queryRunner.query(`
      CREATE TABLE films (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        original_title text NULL,
        year integer NULL,
        runtime_minutes integer NULL,
        synopsis text NULL,
        genres text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        countries text[] NOT NULL DEFAULT '{}',
        classification text NULL,
        imdb_id text NULL UNIQUE,
        tmdb_id integer NULL UNIQUE,
        search_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX films_search_text_trgm_idx ON films USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX films_genres_idx ON films USING gin (genres)`);
    await queryRunner.query(`CREATE INDEX films_languages_idx ON films USING gin (languages)`);
    await queryRunner.query(`CREATE INDEX films_countries_idx ON films USING gin (countries)`);
    // The listing without q is ordered by (title, id) and paged by keyset on that pair; with a
    // year filter the (year, title, id) index serves the whole page from one range.
    await queryRunner.query(`CREATE INDEX films_year_idx ON films (year, title, id)`);
    await queryRunner.query(`CREATE INDEX films_title_id_idx ON films (title, id)`);
    // Room for every distinct genre, language and country in the statistics, so the planner
    // sees that a rare one is rare and reads it from its GIN index instead of walking by title.
    await queryRunner.query(`
      ALTER TABLE films
        ALTER COLUMN genres SET STATISTICS 1000,
        ALTER COLUMN languages SET STATISTICS 1000,
        ALTER COLUMN countries SET STATISTICS 1000`);
    await queryRunner.query(`
      CREATE TABLE film_credits (
        film_id uuid NOT NULL REFERENCES films (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id),
        role text NOT NULL CHECK (role IN ('director', 'cast')),
        position integer NOT NULL,
        PRIMARY KEY (film_id, role, position)
      )`);
    await queryRunner.query(`CREATE INDEX film_credits_person_id_idx ON film_credits (person_id)`);
    await queryRunner.query(`
      CREATE TABLE critic_reviews (
        film_id uuid NOT NULL REFERENCES films (id) ON DELETE CASCADE,
        position integer NOT NULL,
        outlet text NOT NULL,
        region text NULL,
        excerpt text NOT NULL,
        url text NULL,
        PRIMARY KEY (film_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE critic_reviews`);
    await queryRunner.query(`DROP TABLE film_credits`);
    await queryRunner.query(`DROP TABLE films`);
    await queryRunner.query(`DROP TABLE people`);
    // pg_trgm stays: other schemas may use it, and dropping an extension is not ours to decide.
  }
}
