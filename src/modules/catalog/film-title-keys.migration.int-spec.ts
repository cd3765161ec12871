import { migrationSpecDatabase } from '#testing';
import { FilmMatcher } from './films/film-matcher.js';
import { AddFilmTitleKeys1765930000000 } from './film-title-keys.migration.js';

describe('AddFilmTitleKeys migration', () => {
  const suite = migrationSpecDatabase({ beforeAll, afterAll });
  const migration = new AddFilmTitleKeys1765930000000();

  it('gives the films already there their keys, so the matcher finds them', async () => {
    await migration.down(suite.runner);
    await suite.pool.query(`
      INSERT INTO films (id, slug, title, original_title, year, search_text) VALUES
        ('00000000-0000-4000-8000-000000000001', 'regle', 'The Rules of the Game', 'La Règle du jeu', 1939, 'x'),
        ('00000000-0000-4000-8000-000000000002', 'kane', 'Citizen Kane', NULL, 1941, 'x'),
        ('00000000-0000-4000-8000-000000000003', 'godfather', 'The Godfather', 'Godfather', 1972, 'x')`);

    await migration.up(suite.runner);

    const { rows } = await suite.pool.query(
      `SELECT slug, title_key, original_title_key FROM films ORDER BY id`,
    );
    expect(rows).toEqual([
      { slug: 'regle', title_key: 'rulesofthegame', original_title_key: 'regledujeu' },
      { slug: 'kane', title_key: 'citizenkane', original_title_key: null },
      { slug: 'godfather', title_key: 'godfather', original_title_key: null },
    ]);
    expect(
      await new FilmMatcher(suite.pool).match([
        { title: 'Règle du jeu', year: 1939 },
        { title: 'Godfather, The', year: 1972 },
      ]),
    ).toEqual([
      { matched: true, filmId: '00000000-0000-4000-8000-000000000001', by: 'title' },
      { matched: true, filmId: '00000000-0000-4000-8000-000000000003', by: 'title' },
    ]);
  });

  it('refuses a film written without its key', async () => {
    await expect(
      suite.pool.query(
        `INSERT INTO films (id, slug, title, search_text) VALUES (gen_random_uuid(), 'y', 'Y', 'y')`,
      ),
    ).rejects.toMatchObject({ code: '23502' });
  });
});
