import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews on film pages (a deleted one kept with `deleted_at`, for the moderation history), the
 * visible reviews each member wrote (their profile), and who likes which review (so a reader's
 * page can say what they liked).
 */
export class CreateReviewTables1765400000000 implements MigrationInterface {
  name = 'CreateReviewTables1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY,
        film_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        spoilers boolean NOT NULL,
        rating_half_stars smallint CHECK (rating_half_stars BETWEEN 1 AND 10),
        likes integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        hidden boolean NOT NULL DEFAULT false,
        deleted_at timestamptz
      )`);
    // A film's reviews, recent or popular first, paged by keyset on the same order.
    await queryRunner.query(
      `CREATE INDEX reviews_film_recent_idx ON reviews (film_id, created_at DESC, id DESC)
         WHERE NOT hidden AND deleted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX reviews_film_popular_idx ON reviews (film_id, likes DESC, created_at DESC, id DESC)
         WHERE NOT hidden AND deleted_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE review_likes (
        review_id uuid NOT NULL,
        member_id uuid NOT NULL,
        PRIMARY KEY (review_id, member_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE member_review_counts (
        user_id uuid PRIMARY KEY,
        reviews integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member_review_counts`);
    await queryRunner.query(`DROP TABLE review_likes`);
    await queryRunner.query(`DROP TABLE reviews`);
  }
}
