import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The distinct words of every film's search text, with how many films hold each: the typo tier
 * of search looks words up here (a few thousand rows, not every film) before it reads films.
 * A trigger keeps it exact for every writer (the API, both importers, plain SQL), in the same
 * transaction as the film rows. See ADR 0024.
 */
export class AddFilmWords1766000000000 implements MigrationInterface {
  name = 'AddFilmWords1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE film_words (
        word text PRIMARY KEY,
        films integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX film_words_word_trgm_idx ON film_words USING gin (word gin_trgm_ops)`,
    );
    // Words as pg_trgm sees them: runs of letters and digits, so punctuation makes no variants.
    await queryRunner.query(`
      CREATE FUNCTION film_words_of(search_text text) RETURNS SETOF text
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT DISTINCT word FROM regexp_split_to_table(search_text, '[^[:alnum:]]+') AS word
               WHERE word <> '' $$`);
    // One statement per film statement, however many rows it wrote; words in order, so two
    // importers' batches lock shared words in the same order and never deadlock.
    await queryRunner.query(`
      CREATE FUNCTION count_film_words() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        words text[];
        deltas integer[];
        emptied text[];
      BEGIN
        -- Each branch names only the transition tables its event has.
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(word), array_agg(delta) INTO words, deltas FROM (
            SELECT word, count(*)::integer AS delta
              FROM added_films, film_words_of(added_films.search_text) AS word GROUP BY word) changes;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(word), array_agg(delta) INTO words, deltas FROM (
            SELECT word, -count(*)::integer AS delta
              FROM removed_films, film_words_of(removed_films.search_text) AS word GROUP BY word) changes;
        ELSE
          SELECT array_agg(word), array_agg(delta) INTO words, deltas FROM (
            SELECT word, sum(delta)::integer AS delta FROM (
              SELECT word, 1 AS delta FROM added_films, film_words_of(added_films.search_text) AS word
              UNION ALL
              SELECT word, -1 FROM removed_films, film_words_of(removed_films.search_text) AS word
            ) both_sides
            GROUP BY word HAVING sum(delta) <> 0) changes;
        END IF;
        IF words IS NULL THEN
          RETURN NULL;
        END IF;
        WITH counted AS (
          INSERT INTO film_words AS known (word, films)
          SELECT word, delta FROM unnest(words, deltas) AS change(word, delta) ORDER BY word
          ON CONFLICT (word) DO UPDATE SET films = known.films + excluded.films
          RETURNING known.word, known.films
        )
        SELECT array_agg(word) INTO emptied FROM counted WHERE films <= 0;
        IF emptied IS NOT NULL THEN
          DELETE FROM film_words WHERE word = ANY (emptied) AND films <= 0;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER film_words_on_insert AFTER INSERT ON films
        REFERENCING NEW TABLE AS added_films
        FOR EACH STATEMENT EXECUTE FUNCTION count_film_words()`);
    await queryRunner.query(`
      CREATE TRIGGER film_words_on_update AFTER UPDATE ON films
        REFERENCING OLD TABLE AS removed_films NEW TABLE AS added_films
        FOR EACH STATEMENT EXECUTE FUNCTION count_film_words()`);
    await queryRunner.query(`
      CREATE TRIGGER film_words_on_delete AFTER DELETE ON films
        REFERENCING OLD TABLE AS removed_films
        FOR EACH STATEMENT EXECUTE FUNCTION count_film_words()`);
    await queryRunner.query(`
      INSERT INTO film_words (word, films)
      SELECT word, count(*) FROM films, film_words_of(films.search_text) AS word GROUP BY word`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER film_words_on_delete ON films`);
    await queryRunner.query(`DROP TRIGGER film_words_on_update ON films`);
    await queryRunner.query(`DROP TRIGGER film_words_on_insert ON films`);
    await queryRunner.query(`DROP FUNCTION count_film_words()`);
    await queryRunner.query(`DROP FUNCTION film_words_of(text)`);
    await queryRunner.query(`DROP TABLE film_words`);
  }
}
