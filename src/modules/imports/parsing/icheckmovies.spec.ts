import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readICheckMovies } from './icheckmovies.js';
import { ImportFileError } from './import-file.error.js';

const fixture = (name: string): Buffer => readFileSync(join('test/fixtures/imports', name));
const importedAt = new Date('2025-01-01T09:00:00.000Z');

describe('readICheckMovies', () => {
  describe('a semicolon-delimited file in ISO-8859-1', () => {
    const plan = readICheckMovies(fixture('icheckmovies-semicolon-latin1.csv'), 'checks.csv', importedAt);

    it('decodes accented titles and finds the columns by name', () => {
      expect(plan.films.map((entry) => entry.film)).toEqual([
        { imdbId: 'tt0211915', title: 'Amélie', year: 2001 },
        { imdbId: 'tt0057345', title: 'Le Mépris', year: 1963 },
        { imdbId: null, title: 'La Cité des enfants perdus', year: 1995 },
        { imdbId: 'tt0133385', title: 'Astérix; le film', year: 1999 },
      ]);
    });

    it('checks a film on its checked date, taken as the viewing date', () => {
      expect(plan.films[0]).toMatchObject({
        checked: { watchedOn: '2015-04-03', at: '2015-04-03T12:00:00.000Z' },
        favourite: { at: '2015-04-03T12:00:00.000Z' },
        disliked: null,
        watchlisted: null,
        rows: [{ file: 'checks.csv', line: 2 }],
      });
      expect(plan.films[1]?.checked).toEqual({ watchedOn: '2016-01-02', at: '2016-01-02T21:15:00.000Z' });
    });

    it('stamps undated marks of an unchecked film with the time of the import', () => {
      expect(plan.films[2]).toMatchObject({ checked: null, watchlisted: { at: '2025-01-01T09:00:00.000Z' } });
    });

    it('reports a bad year with its line and goes on', () => {
      expect(plan.rowErrors).toEqual([{ file: 'checks.csv', line: 6, reason: 'year "19x5" is not a year' }]);
      expect(plan.rows).toBe(5);
    });
  });

  describe('a comma-delimited file in UTF-8 with a byte order mark and CRLF', () => {
    const plan = readICheckMovies(fixture('icheckmovies-comma-utf8.csv'), 'icm.csv', importedAt);

    it('reads quoted commas, and leaves out a film it says nothing of', () => {
      expect(plan.films.map((entry) => [entry.film.title, entry.checked?.watchedOn ?? null])).toEqual([
        ['Crouching Tiger, Hidden Dragon', '2019-05-05'],
        ['Spirited Away', null],
      ]);
      expect(plan.films[1]?.watchlisted).toEqual({ at: '2025-01-01T09:00:00.000Z' });
    });

    it('reports a flag that is neither yes nor no', () => {
      expect(plan.rowErrors).toEqual([
        { file: 'icm.csv', line: 5, reason: 'favorite "maybe" is neither yes nor no' },
      ]);
    });
  });

  it('takes yes in checked as a check without a date', () => {
    const plan = readICheckMovies(Buffer.from('title,year,checked\nAkira,1988,yes\n'), 'a.csv', importedAt);
    expect(plan.films[0]?.checked).toEqual({ watchedOn: null, at: '2025-01-01T09:00:00.000Z' });
  });

  it('reports an imdburl without a title id and an impossible checked date', () => {
    const plan = readICheckMovies(
      Buffer.from(
        'title,year,imdburl,checked\nA,2000,https://www.imdb.com/find?q=a,no\nB,2000,,2019-02-30\n',
      ),
      'a.csv',
      importedAt,
    );
    expect(plan.rowErrors.map((error) => [error.line, error.reason])).toEqual([
      [2, 'imdburl "https://www.imdb.com/find?q=a" holds no IMDb title id'],
      [3, 'checked "2019-02-30" is not a date (YYYY-MM-DD)'],
    ]);
  });

  it('refuses a file without the columns it needs, naming them', () => {
    expect(() => readICheckMovies(Buffer.from('title;url\nA;u\n'), 'a.csv', importedAt)).toThrow(
      new ImportFileError('file', 'a.csv: the header lacks year, checked (got "title,url")'),
    );
  });
});
