import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { FilmReferences } from '../films/film-references.js';
import { loadFilm } from '../films/film-reader.js';
import { FilmWriter } from '../films/film-writer.js';
import { FilmPosters } from '../posters/film-posters.js';
import { imageStoreOf } from '../posters/image-store-of.js';
import { HTML, picture, pngClaiming, SVG } from '../posters/testing/hostile-images.js';
import { importFilmJson } from './film-json.import.js';
import { PosterFiles } from './poster-files.js';

const film = (imdb: string, title: string, poster?: unknown) => ({
  title,
  year: 2000,
  externalIds: { imdb },
  ...(poster === undefined ? {} : { poster }),
});

/** One film per line, after the opening bracket on line 1. */
async function* jsonLines(...films: object[]): AsyncGenerator<string> {
  yield `[\n${films.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`;
}

describe('importing films with their posters', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let folder: string;
  let imagesDir: string;

  const importFilms = (...films: object[]) =>
    importFilmJson(jsonLines(...films), new FilmWriter(pool), {
      concurrency: 3,
      posters: new PosterFiles(
        folder,
        new FilmPosters(
          pool,
          imageStoreOf({ imageStore: { kind: 'disk', folder: imagesDir } }),
          new FilmReferences(pool),
        ),
      ),
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 3);
    folder = await mkdtemp(path.join(tmpdir(), 'filmlog-import-posters-'));
    imagesDir = path.join(folder, 'kept');
    await mkdir(path.join(folder, 'posters'));
    await writeFile(path.join(folder, 'posters', 'paris.jpg'), await picture(400, 600, 'jpeg'));
    await writeFile(path.join(folder, 'holy-motors.png'), await picture(300, 450, 'png'));
    await writeFile(path.join(folder, 'page.jpg'), HTML);
    await writeFile(path.join(folder, 'drawing.svg'), SVG);
    await writeFile(path.join(folder, 'bomb.png'), pngClaiming(20_000, 20_000));
    const whole = await picture(400, 600, 'jpeg');
    await writeFile(path.join(folder, 'cut.jpg'), whole.subarray(0, whole.length / 2));
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('keeps the posters that are pictures and reports each other one by its film’s line, importing every film', async () => {
    const counts = await importFilms(
      film('tt0000001', 'Paris', 'posters/paris.jpg'),
      film('tt0000002', 'Holy Motors', './holy-motors.png'),
      film('tt0000003', 'Missing', 'posters/missing.jpg'),
      film('tt0000004', 'A Page', 'page.jpg'),
      film('tt0000005', 'A Drawing', 'drawing.svg'),
      film('tt0000006', 'A Bomb', 'bomb.png'),
      film('tt0000007', 'Cut Short', 'cut.jpg'),
      film('tt0000008', 'A Folder', 'posters'),
      film('tt0000009', 'Absolute', path.join(folder, 'posters', 'paris.jpg')),
      film('tt0000010', 'A Number', 42),
      film('tt0000011', 'No Poster'),
    );

    expect(counts).toMatchObject({ rows: 11, imported: 11, skipped: 0 });
    expect(counts.posters).toEqual({
      kept: 2,
      refused: 8,
      problems: [
        { at: 4, reason: 'posters/missing.jpg: no such file' },
        { at: 5, reason: 'page.jpg: not a JPEG, PNG or WebP picture' },
        { at: 6, reason: 'drawing.svg: not a JPEG, PNG or WebP picture' },
        { at: 7, reason: expect.stringMatching(/^bomb\.png: The picture has more than/) as unknown },
        { at: 8, reason: 'cut.jpg: The body is not a readable JPEG, PNG or WebP picture.' },
        { at: 9, reason: 'posters: not a file' },
        {
          at: 10,
          reason: expect.stringMatching(/is not relative to the imported file's folder$/) as unknown,
        },
        { at: 11, reason: 'poster must be the path of a JPEG, PNG or WebP file' },
      ],
    });
    expect((await loadFilm(pool, 'paris-2000'))!.poster).toMatchObject({ width: 400, height: 600 });
    expect((await loadFilm(pool, 'holy-motors-2000'))!.poster).toMatchObject({ width: 300, height: 450 });
    expect((await loadFilm(pool, 'missing-2000'))!.poster).toBeNull();
  });

  it('keeps the same poster again on a re-run, the films unchanged', async () => {
    const before = (await loadFilm(pool, 'paris-2000'))!.poster;

    const counts = await importFilms(film('tt0000001', 'Paris', 'posters/paris.jpg'));

    expect(counts).toMatchObject({ unchanged: 1, posters: { kept: 1, refused: 0, problems: [] } });
    expect((await loadFilm(pool, 'paris-2000'))!.poster).toEqual(before);
  });

  it('refuses a named poster where posters are not imported, and says nothing of posters when none is named', async () => {
    const withoutPosters = (...films: object[]) =>
      importFilmJson(jsonLines(...films), new FilmWriter(pool), { concurrency: 1 });

    expect((await withoutPosters(film('tt0000012', 'Elsewhere', 'posters/paris.jpg'))).posters).toEqual({
      kept: 0,
      refused: 1,
      problems: [{ at: 2, reason: 'posters are not imported here' }],
    });
    expect(await withoutPosters(film('tt0000013', 'Plain'))).not.toHaveProperty('posters');
  });
});
