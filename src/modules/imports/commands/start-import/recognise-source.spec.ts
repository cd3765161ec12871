import { ImportFileError } from '../../parsing/import-file.error.js';
import { recogniseSource } from './recognise-source.js';

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
  const imdb = csv('\uFEFFConst,Your Rating,Date Rated,Title,URL,Title Type,Year\r\n');
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]);

  it('takes the source the content shows, or the same one given', () => {
    expect(recogniseSource(imdb, undefined)).toBe('imdb');
    expect(recogniseSource(imdb, 'imdb')).toBe('imdb');
    expect(recogniseSource(zip, undefined)).toBe('letterboxd');
    expect(recogniseSource(csv('"title";"year";"imdburl";"checked"\n'), '')).toBe('icheckmovies');
  });

  it('names source for an unknown source, and file for a file of no known kind or of another kind', () => {
    expect(fieldOf(() => recogniseSource(imdb, 'netflix'))).toBe('source');
    expect(fieldOf(() => recogniseSource(imdb, 'letterboxd'))).toBe('file');
    expect(fieldOf(() => recogniseSource(csv('hello, world'), undefined))).toBe('file');
    expect(fieldOf(() => recogniseSource(csv('Date,Name,Year,Letterboxd URI\n'), 'letterboxd'))).toBe('file');
  });
});
