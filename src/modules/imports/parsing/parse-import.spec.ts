import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { letterboxdSample } from '../../../../test/fixtures/imports/letterboxd-sample.js';
import { letterboxdExport } from '#testing';
import { ImportFileError } from './import-file.error.js';
import { parseImport } from './parse-import.js';

const fixture = (name: string): Buffer => readFileSync(join('test/fixtures/imports', name));

describe('parseImport', () => {
  it('reads a Letterboxd export when no source is given', async () => {
    const plan = await parseImport(await letterboxdExport(letterboxdSample), 'letterboxd.zip');
    expect(plan).toMatchObject({ source: 'letterboxd', rows: 20 });
    expect(plan.lists).toHaveLength(2);
  });

  it('reads an IMDb and an iCheckMovies file by the source given, naming rows by the uploaded file', async () => {
    const imdb = await parseImport(fixture('imdb-ratings.csv'), 'my ratings.csv', 'imdb');
    expect(imdb.source).toBe('imdb');
    expect(imdb.rowErrors[0]?.file).toBe('my ratings.csv');
    const icm = await parseImport(fixture('icheckmovies-comma-utf8.csv'), 'icm.csv', '', {
      importedAt: new Date('2025-01-01T00:00:00Z'),
    });
    expect(icm.source).toBe('icheckmovies');
    expect(icm.films[1]?.watchlisted?.at).toBe('2025-01-01T00:00:00.000Z');
  });

  it('refuses a file that is not the source given, naming file', async () => {
    await expect(parseImport(fixture('imdb-ratings.csv'), 'r.csv', 'letterboxd')).rejects.toMatchObject({
      field: 'file',
      reason: expect.stringMatching(/^the file is not a zip archive/) as string,
    });
  });

  it('refuses an unknown source, naming source', async () => {
    await expect(parseImport(fixture('imdb-ratings.csv'), 'r.csv', 'mubi')).rejects.toBeInstanceOf(
      ImportFileError,
    );
    await expect(parseImport(fixture('imdb-ratings.csv'), 'r.csv', 'mubi')).rejects.toMatchObject({
      field: 'source',
    });
  });

  it('passes its unpacking limit to the Letterboxd reader', async () => {
    const zip = await letterboxdExport({ 'watched.csv': Buffer.alloc(2 * 1024 * 1024, 'a') });
    await expect(
      parseImport(zip, 'x.zip', undefined, { maxUncompressedBytes: 1024 * 1024 }),
    ).rejects.toMatchObject({
      field: 'file',
      reason: 'the export unpacks to 2 MB, more than the 1 MB allowed',
    });
  });
});
