import { migrationSpecDatabase } from '#testing';
import { AddPersonSlugs1765550000000 } from './person-slugs.migration.js';

describe('AddPersonSlugs migration', () => {
  const suite = migrationSpecDatabase({ beforeAll, afterAll });
  const migration = new AddPersonSlugs1765550000000();

  it('gives existing people slugs in the order they were added, suffixed on collision', async () => {
    await migration.down(suite.runner);
    await suite.pool.query(`
      INSERT INTO people (id, name, name_key, created_at) VALUES
        ('00000000-0000-4000-8000-000000000003', 'Jean Pierre Leaud', 'jean pierre leaud', '2020-01-02'),
        ('00000000-0000-4000-8000-000000000001', 'Jean-Pierre Léaud', 'jean-pierre leaud', '2020-01-01'),
        ('00000000-0000-4000-8000-000000000002', 'Paweł Pawlikowski', 'pawel pawlikowski', '2020-01-01'),
        ('00000000-0000-4000-8000-000000000004', 'Jean-Pierre Leaud 2', 'jean-pierre leaud 2', '2019-12-31')`);

    await migration.up(suite.runner);

    const { rows } = await suite.pool.query<{ name: string; slug: string }>(
      `SELECT name, slug FROM people ORDER BY id`,
    );
    expect(rows).toEqual([
      { name: 'Jean-Pierre Léaud', slug: 'jean-pierre-leaud' },
      { name: 'Paweł Pawlikowski', slug: 'pawel-pawlikowski' },
      { name: 'Jean Pierre Leaud', slug: 'jean-pierre-leaud-3' },
      { name: 'Jean-Pierre Leaud 2', slug: 'jean-pierre-leaud-2' },
    ]);
  });

  it('leaves every person a slug of their own', async () => {
    const insert = (slug: string | null) =>
      suite.pool.query(
        `INSERT INTO people (id, name, name_key, slug) VALUES (gen_random_uuid(), 'X', 'x', $1)`,
        [slug],
      );

    await expect(insert(null)).rejects.toMatchObject({ code: '23502' });
    await expect(insert('pawel-pawlikowski')).rejects.toMatchObject({
      code: '23505',
      constraint: 'people_slug_key',
    });
  });
});
