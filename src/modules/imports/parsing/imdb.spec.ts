import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportFileError } from './import-file.error.js';
import { readImdb } from './imdb.js';

const fixture = (name: string): Buffer => readFileSync(join('test/fixtures/imports', name));

describe('readImdb', () => {
  describe('a ratings export', () => {
    const plan = readImdb(fixture('imdb-ratings.csv'), 'ratings.csv');

    it('checks each rated film on its Date Rated, by its IMDb id (Movie, TV Movie and movie are films)', () => {
      expect(plan.films.map((entry) => [entry.film, entry.checked])).toEqual([
        [
          { imdbId: 'tt0111161', title: 'The Shawshank Redemption', year: 1994 },
          { watchedOn: null, at: '2020-05-01T12:00:00.000Z' },
        ],
        [
          { imdbId: 'tt0067023', title: 'Duel', year: 1971 },
          { watchedOn: null, at: '2020-05-03T12:00:00.000Z' },
        ],
        [
          { imdbId: 'tt10872600', title: 'Spider-Man: No Way Home', year: 2021 },
          { watchedOn: null, at: '2021-12-20T12:00:00.000Z' },
        ],
      ]);
      expect(plan.films.every((entry) => entry.watchlisted === null && entry.favourite === null)).toBe(true);
    });

    it('counts a TV series as not imported, by file and Title Type', () => {
      expect(plan.notImported).toEqual({ 'ratings.csv (TV Series)': 1 });
    });

    it('reports a bad id and a bad date with their lines', () => {
      expect(plan.rowErrors).toEqual([
        { file: 'ratings.csv', line: 6, reason: 'Const "tt123" is not an IMDb title id' },
        { file: 'ratings.csv', line: 7, reason: 'Date Rated "20/05/2020" is not a date (YYYY-MM-DD)' },
      ]);
      expect(plan.rows).toBe(6);
    });
  });

  it('reads a list export as watchlist entries, dated when they were added', () => {
    const plan = readImdb(fixture('imdb-watchlist.csv'), 'WATCHLIST.csv');
    expect(plan.films.map((entry) => [entry.film.imdbId, entry.checked, entry.watchlisted])).toEqual([
      ['tt0056172', null, { at: '2021-01-01T12:00:00.000Z' }],
      ['tt0079944', null, { at: '2021-01-03T12:00:00.000Z' }],
    ]);
    expect(plan.notImported).toEqual({ 'WATCHLIST.csv (tvSeries)': 1 });
    expect(plan.rowErrors).toEqual([]);
  });

  it('refuses a ratings export without Date Rated', () => {
    expect(() => readImdb(Buffer.from('Const,Title,Title Type,Year\n'), 'r.csv')).toThrow(
      new ImportFileError('file', 'r.csv: the header lacks date rated (got "Const,Title,Title Type,Year")'),
    );
  });
});
