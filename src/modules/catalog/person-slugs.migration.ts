import type { MigrationInterface, QueryRunner } from 'typeorm';
import { personSlugBase, slugsInOrder } from './domain/normalise.js';

const UPDATE_CHUNK = 10_000;

/**
 * People get a slug, as films have: "cedric-klapisch". Existing people are given theirs in the
 * order they were added, the first of a name its base and later ones the first free suffix, as
 * the writer does; the slug function is the application's, so the rule is written once.
 */
export class AddPersonSlugs1765550000000 implements MigrationInterface {
  name = 'AddPersonSlugs1765550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE people ADD COLUMN slug text NULL`);
    const people = (await queryRunner.query(
      `SELECT id, name FROM people ORDER BY created_at NULLS FIRST, id`,
    )) as { id: string; name: string }[];
    const slugs = slugsInOrder(people.map(({ name }) => personSlugBase(name)));
    for (let start = 0; start < people.length; start += UPDATE_CHUNK) {
      const chunk = people.slice(start, start + UPDATE_CHUNK);
      await queryRunner.query(
        `UPDATE people p SET slug = s.slug FROM unnest($1::uuid[], $2::text[]) AS s(id, slug) WHERE p.id = s.id`,
        [chunk.map((person) => person.id), slugs.slice(start, start + UPDATE_CHUNK)],
      );
    }
    await queryRunner.query(`ALTER TABLE people ALTER COLUMN slug SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE people ADD CONSTRAINT people_slug_key UNIQUE (slug)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE people DROP COLUMN slug`);
  }
}
