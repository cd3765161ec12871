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

    it('rates each film with its Your Rating halved, at its Date Rated', () => {
      expect(plan.films.map((entry) => entry.rated)).toEqual([
        { rating: 5, at: '2020-05-01T12:00:00.000Z' },
        { rating: 4, at: '2020-05-03T12:00:00.000Z' },
        { rating: 3.5, at: '2021-12-20T12:00:00.000Z' },
      ]);
    });

    it('reports a Your Rating that is not a whole number from 1 to 10', () => {
      const bad = readImdb(
        Buffer.from(
          'Const,Your Rating,Date Rated,Title,Title Type,Year\n' +
            'tt0000001,11,2020-01-01,A,movie,2000\ntt0000002,7.5,2020-01-01,B,movie,2000\ntt0000003,,2020-01-01,C,movie,2000\n',
        ),
        'r.csv',
      );
      expect(bad.rowErrors.map((error) => error.reason)).toEqual([
        'Your Rating "11" is not a whole number from 1 to 10',
        'Your Rating "7.5" is not a whole number from 1 to 10',
      ]);
      expect(bad.films.map((entry) => [entry.film.title, entry.rated])).toEqual([['C', null]]);
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
