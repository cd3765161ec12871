import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { letterboxdExport } from '#testing';
import { detectSource, sourceNamed } from './detect-source.js';
import { ImportFileError } from './import-file.error.js';

const fixture = (name: string): Buffer => readFileSync(join('test/fixtures/imports', name));

describe('detectSource', () => {
  it('takes a zip archive for a Letterboxd export', async () => {
    expect(detectSource(await letterboxdExport({ 'watched.csv': 'Date,Name,Year,Letterboxd URI\n' }))).toBe(
      'letterboxd',
    );
  });

  it('takes a CSV naming Const and Title Type for IMDb', () => {
    expect(detectSource(fixture('imdb-ratings.csv'))).toBe('imdb');
    expect(detectSource(fixture('imdb-watchlist.csv'))).toBe('imdb');
  });

  it('takes a CSV naming imdburl or checked for iCheckMovies, whatever its delimiter and encoding', () => {
    expect(detectSource(fixture('icheckmovies-semicolon-latin1.csv'))).toBe('icheckmovies');
    expect(detectSource(fixture('icheckmovies-comma-utf8.csv'))).toBe('icheckmovies');
  });

  it('refuses anything else, naming file', () => {
    for (const bytes of [Buffer.from('title,year\nA,2000\n'), Buffer.from('%PDF-1.7'), Buffer.alloc(0)])
      expect(() => detectSource(bytes)).toThrow(
        expect.objectContaining({ field: 'file', name: 'ImportFileError' }) as Error,
      );
  });
});

describe('sourceNamed', () => {
  it('accepts the known sources, in any case', () => {
    expect(sourceNamed('Letterboxd')).toBe('letterboxd');
    expect(sourceNamed('imdb')).toBe('imdb');
  });

  it('refuses another, naming source', () => {
    expect(() => sourceNamed('trakt')).toThrow(
      new ImportFileError('source', 'source must be one of letterboxd, icheckmovies, imdb (got "trakt")'),
    );
  });
});
