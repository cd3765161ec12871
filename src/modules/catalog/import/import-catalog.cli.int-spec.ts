import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, createTestDatabase, runBuiltCli, type CliRun, type TestDatabase } from '#testing';
import { picture } from '../posters/testing/hostile-images.js';

const CLI = 'dist/src/modules/catalog/import/import-catalog.cli.js';
const HEADER =
  'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres';

describe('npm run catalog:import (the built CLI)', () => {
  let database: TestDatabase;
  let directory: string;

  const run = (...args: string[]): Promise<CliRun> =>
    runBuiltCli(CLI, args, { DATABASE_URL: database.url, IMAGES_DIR: join(directory, 'images') });

  const file = async (name: string, text: string): Promise<string> => {
    const path = join(directory, name);
    await writeFile(path, text);
    return path;
  };

  beforeAll(async () => {
    buildIfStale();
    database = await createTestDatabase();
    directory = await mkdtemp(join(tmpdir(), 'filmlog-import-cli-'));
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('imports a TSV with bad rows, reports them by line and exits 0', async () => {
    const tsv = await file(
      'title.basics.tsv',
      [
        HEADER,
        'tt0869994\tmovie\tParis\tParis\t0\t2008\t\\N\t130\tComedy,Drama,Romance',
        'tt0000001\tmovie\tNo Year Here\tNo Year Here\t0\tlater\t\\N\t90\tDrama',
        'tt2076220\tmovie\tHoly Motors\tHoly Motors\t0\t2012\t\\N\t115\tDrama,Fantasy',
        'tt0000002\ttvEpisode\tPilot\tPilot\t0\t2001\t\\N\t42\tDrama',
        '',
      ].join('\n'),
    );

    const result = await run(tsv);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/imported +2\n/);
    expect(result.stdout).toMatch(/ignored +1 \(not films: tvEpisode 1\)/);
    expect(result.stdout).toMatch(/skipped +1 bad rows/);
    expect(result.stdout).toContain('line 3: startYear "later" is not a year');
    expect(result.stdout).toMatch(/peak RSS [\d.]+ MiB/);
  });

  it('says every film is unchanged the second time, in JSON when asked', async () => {
    const result = await run(join(directory, 'title.basics.tsv'), '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      format: 'title-basics',
      rows: 4,
      imported: 0,
      updated: 0,
      unchanged: 2,
      skipped: 1,
      badRows: [{ at: 3 }],
    });
  });

  it('imports a JSON array of films', async () => {
    const json = await file(
      'films.json',
      JSON.stringify([
        {
          title: 'Holy Motors',
          year: 2012,
          directors: [{ name: 'Leos Carax' }],
          externalIds: { imdb: 'tt2076220' },
        },
        { title: 'Nameless' },
      ]),
    );

    const result = await run(json, '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'json', updated: 1, skipped: 1 });
  });

  it('keeps the posters a JSON file names beside it, and reports the one it cannot keep by its film', async () => {
    await mkdir(join(directory, 'catalogue', 'posters'), { recursive: true });
    await writeFile(join(directory, 'catalogue', 'posters', 'paris.jpg'), await picture(400, 600, 'jpeg'));
    const json = await file(
      'catalogue/films.json',
      JSON.stringify([
        { title: 'Paris', year: 2008, externalIds: { imdb: 'tt0869994' }, poster: 'posters/paris.jpg' },
        { title: 'Holy Motors', year: 2012, externalIds: { imdb: 'tt2076220' }, poster: 'posters/none.jpg' },
      ]),
    );

    const result = await run(json);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/posters +1 kept, 1 not kept\n/);
    expect(result.stdout).toContain('line 1: poster not kept: posters/none.jpg: no such file');
    expect(await readdir(join(directory, 'images', 'posters'))).toHaveLength(3);
  });

  it.each([
    ['a file that does not exist', () => join(directory, 'missing.tsv'), /Import failed: .*ENOENT/],
    ['a file of another format', () => file('notes.txt', 'hello\n'), /Import failed: neither a JSON array/],
  ])('exits 1 on %s, saying why', async (_case, path, message) => {
    const result = await run(await path());

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 with the usage when no file is given', async () => {
    const result = await run();

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run catalog:import -- <file>');
  });
});
