import { ImportFileError } from '../../parsing/import-file.error.js';
import { recogniseSource, sniffSource } from './recognise-source.js';

const csv = (text: string): Buffer => Buffer.from(text, 'utf8');
const fieldOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ImportFileError ? error.field : 'other';
  }
};

describe('recognising an upload', () => {
  it('tells a zip, an IMDb CSV and an iCheckMovies CSV (BOM, quotes, semicolons) by their first bytes', () => {
    expect(sniffSource(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBe('letterboxd');
    expect(sniffSource(csv('\uFEFFConst,Your Rating,Date Rated,Title,URL,Title Type,Year\r\ntt1,'))).toBe(
      'imdb',
    );
    expect(sniffSource(csv('"title";"year";"url";"imdburl";"checked";"favorite"\n'))).toBe('icheckmovies');
    expect(sniffSource(csv('Date,Name,Year,Letterboxd URI\n'))).toBeNull();
    expect(sniffSource(Buffer.alloc(0))).toBeNull();
  });

  it('names source for an unknown source, and file for a file of no known kind or of another kind', () => {
    const imdb = csv('Const,Title,Year,Title Type\n');
    expect(recogniseSource(imdb, undefined)).toBe('imdb');
    expect(recogniseSource(imdb, 'imdb')).toBe('imdb');
    expect(fieldOf(() => recogniseSource(imdb, 'netflix'))).toBe('source');
    expect(fieldOf(() => recogniseSource(imdb, 'letterboxd'))).toBe('file');
    expect(fieldOf(() => recogniseSource(csv('hello, world'), undefined))).toBe('file');
  });
});
