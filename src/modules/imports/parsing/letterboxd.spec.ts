import { letterboxdSample } from '../../../../test/fixtures/imports/letterboxd-sample.js';
import { letterboxdExport } from '#testing';
import { ImportFileError } from './import-file.error.js';
import type { ImportPlan } from './import-plan.js';
import { readLetterboxd } from './letterboxd.js';

const MB = 1024 * 1024;
const read = async (entries: Record<string, string | Buffer>, max = 10 * MB): Promise<ImportPlan> =>
  readLetterboxd(await letterboxdExport(entries), max);
const filmNamed = (plan: ImportPlan, title: string) => plan.films.find((entry) => entry.film.title === title);
const failure = (promise: Promise<unknown>): Promise<ImportFileError> =>
  promise.then(
    () => {
      throw new Error('expected the file to be refused');
    },
    (error: unknown) => {
      if (!(error instanceof ImportFileError)) throw error;
      return error;
    },
  );

describe('readLetterboxd', () => {
  let plan: ImportPlan;
  beforeAll(async () => {
    plan = await read(letterboxdSample);
  });

  it('checks a film once, with the earliest Watched Date of its diary rows, never the logged Date', () => {
    expect(filmNamed(plan, 'Parasite')).toEqual({
      film: { imdbId: null, title: 'Parasite', year: 2019 },
      checked: { watchedOn: '2020-02-10', at: '2020-02-10T12:00:00.000Z' },
      favourite: { at: '2021-03-05T12:00:00.000Z' },
      disliked: null,
      watchlisted: null,
      // The latest rating given: the rewatch logged in 2023, after ratings.csv's of 2021.
      rated: { rating: 5, at: '2023-06-01T12:00:00.000Z' },
      // Every diary row, each logged on its Date and seen on its Watched Date.
      viewings: [
        { watchedOn: '2023-05-31', rewatch: true, rating: 5, at: '2023-06-01T12:00:00.000Z' },
        { watchedOn: '2020-02-10', rewatch: false, rating: 4.5, at: '2021-03-01T12:00:00.000Z' },
      ],
      reviews: [
        { body: 'Stairs.\nSo many stairs, all the way down.', rating: 5, at: '2021-03-01T12:00:00.000Z' },
      ],
      rows: [
        { file: 'watched.csv', line: 2 },
        { file: 'diary.csv', line: 2 },
        { file: 'diary.csv', line: 3 },
        { file: 'reviews.csv', line: 2 },
        { file: 'ratings.csv', line: 2 },
        { file: 'likes/films.csv', line: 2 },
      ],
    });
  });

  it('rates from ratings.csv and from the diary’s Rating, the latest logged winning', () => {
    expect(filmNamed(plan, 'Amélie')?.rated).toEqual({ rating: 4, at: '2021-03-03T12:00:00.000Z' });
    expect(filmNamed(plan, 'Crouching Tiger, Hidden Dragon')?.rated).toEqual({
      rating: 4,
      at: '2021-03-02T12:00:00.000Z',
    });
    expect(filmNamed(plan, 'The Zone of Interest')?.rated).toBeNull();
  });

  it('reports a rating off the half-star scale, or a ratings row without one, as a bad row', async () => {
    const bad = await read({
      'ratings.csv':
        'Date,Name,Year,Letterboxd URI,Rating\n2021-01-01,A,2000,u,3.3\n2021-01-02,B,2001,u,\n2021-01-03,C,2002,u,0.5\n',
    });
    expect(bad.rowErrors).toEqual([
      { file: 'ratings.csv', line: 2, reason: 'Rating "3.3" is not a rating from 0.5 to 5' },
      { file: 'ratings.csv', line: 3, reason: 'Rating is empty' },
    ]);
    expect(bad.films.map((entry) => [entry.film.title, entry.rated?.rating])).toEqual([['C', 0.5]]);
  });

  it('reads quoted commas and a film known only to the diary', () => {
    expect(filmNamed(plan, 'Crouching Tiger, Hidden Dragon')?.checked).toEqual({
      watchedOn: '2021-02-28',
      at: '2021-02-28T12:00:00.000Z',
    });
    expect(filmNamed(plan, 'The Zone of Interest')?.checked?.watchedOn).toBe('2024-02-01');
  });

  it('checks a film only in watched.csv on its logged Date, with no viewing date', () => {
    expect(filmNamed(plan, 'Amélie')?.checked).toEqual({ watchedOn: null, at: '2021-03-03T12:00:00.000Z' });
    expect(filmNamed(plan, 'Aftersun')?.film).toEqual({ imdbId: null, title: 'Aftersun', year: 2022 });
  });

  it('puts watchlist.csv films on the watchlist on their Date', () => {
    expect(filmNamed(plan, 'Stalker')).toMatchObject({
      checked: null,
      watchlisted: { at: '2020-06-01T12:00:00.000Z' },
    });
    expect(filmNamed(plan, 'Tinker Tailor Soldier Spy')?.watchlisted).not.toBeNull();
  });

  it('reads only the known files: deleted/, orphaned/ and the profile are ignored', () => {
    expect(plan.films.map((entry) => entry.film.title)).toEqual([
      'Parasite',
      'Crouching Tiger, Hidden Dragon',
      'Amélie',
      'Aftersun',
      'The Zone of Interest',
      'Stalker',
      'Tinker Tailor Soldier Spy',
    ]);
  });

  it('reports bad rows with their file and line (CRLF lines counted) and goes on', () => {
    expect(plan.rowErrors).toEqual([
      { file: 'diary.csv', line: 6, reason: 'Year "20x3" is not a year' },
      { file: 'diary.csv', line: 7, reason: 'Watched Date "2024-13-01" is not a date (YYYY-MM-DD)' },
    ]);
  });

  it('reads a ranked list with a line break in its description and an unranked one', () => {
    expect(plan.lists).toEqual([
      {
        slug: 'best-of-2019',
        name: 'Best of 2019',
        description: 'My favourites of the year,\nranked with care',
        ranked: true,
        file: 'lists/best-of-2019.csv',
        items: [
          { position: 1, title: 'Parasite', year: 2019, note: "Bong's best, by far", line: 7 },
          { position: 2, title: 'Portrait of a Lady on Fire', year: 2019, note: null, line: 8 },
        ],
      },
      {
        slug: 'to-share',
        name: 'Films to share',
        description: null,
        ranked: false,
        file: 'lists/to-share.csv',
        items: [
          { position: null, title: 'Stalker', year: 1979, note: null, line: 6 },
          { position: null, title: 'Amélie', year: 2001, note: 'a "feel-good" film', line: 7 },
        ],
      },
    ]);
  });

  it('reads a review spanning lines as one review, at its Date, and leaves nothing out', () => {
    expect(filmNamed(plan, 'Parasite')?.reviews).toEqual([
      { body: 'Stairs.\nSo many stairs, all the way down.', rating: 5, at: '2021-03-01T12:00:00.000Z' },
    ]);
    expect(plan.notImported).toEqual({});
  });

  it('counts every data row read: 4 watched, 6 diary, 2 ratings, 1 like, 2 watchlist, 4 list films, 1 review', () => {
    expect(plan.rows).toBe(20);
  });

  it('refuses a wrong header, naming the file', async () => {
    const error = await failure(
      read({ 'watched.csv': 'Date,Title,Year,Letterboxd URI\n2021-01-01,A,2000,x\n' }),
    );
    expect(error.field).toBe('file');
    expect(error.reason).toBe(
      'watched.csv: the header must be "Date,Name,Year,Letterboxd URI" (got "Date,Title,Year,Letterboxd URI")',
    );
  });

  it('refuses a diary in an older shape (without Watched Date)', async () => {
    const error = await failure(read({ 'diary.csv': 'Date,Name,Year,Letterboxd URI,Rating\n' }));
    expect(error.reason).toMatch(/^diary\.csv: the header must be/);
  });

  it('refuses a list that is not a v7 list export, and a list without its films header', async () => {
    const old = await failure(read({ 'lists/a.csv': 'Letterboxd list export v6\n' }));
    expect(old.reason).toBe('lists/a.csv: the first line must be "Letterboxd list export v7"');
    const cut = await failure(
      read({
        'lists/a.csv': 'Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2022-01-01,A,,u,\n',
      }),
    );
    expect(cut.reason).toMatch(/^lists\/a\.csv: the header must be "Position,Name,Year,URL,Description"/);
  });

  it('reports a ranked list film without a position as a bad row', async () => {
    const list = await read({
      'lists/a.csv':
        'Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2022-01-01,A,,u,\n\nPosition,Name,Year,URL,Description\n1,X,2000,u,\n,Y,2001,u,\n',
    });
    expect(list.lists[0]?.items.map((item) => item.title)).toEqual(['X']);
    expect(list.rowErrors).toEqual([
      { file: 'lists/a.csv', line: 7, reason: 'Position is empty on a ranked list' },
    ]);
  });

  it('refuses a file that is not a zip archive', async () => {
    const error = await failure(readLetterboxd(Buffer.from('Date,Name\n'), MB));
    expect(error.reason).toMatch(/^the file is not a zip archive/);
  });

  it('refuses a zip that holds none of the export files', async () => {
    const error = await failure(read({ 'notes.txt': 'hello', 'deleted/diary.csv': 'x' }));
    expect(error.reason).toMatch(/^the zip archive is not a Letterboxd export/);
  });

  it('refuses an export that would unpack to more than allowed, before unpacking it', async () => {
    const bomb = Buffer.alloc(3 * MB, 'a');
    const error = await failure(read({ 'watched.csv': bomb }, 2 * MB));
    expect(error.reason).toBe('the export unpacks to 3 MB, more than the 2 MB allowed');
  });

  it('stops unpacking a file that unpacks to more than the size it declares', async () => {
    const zip = await letterboxdExport({ 'watched.csv': Buffer.alloc(3 * MB, 'a') });
    const central = zip.indexOf(Buffer.from('PK\x01\x02', 'latin1'));
    zip.writeUInt32LE(100, central + 24);
    const error = await failure(readLetterboxd(zip, 2 * MB));
    expect(error.reason).toMatch(/^watched\.csv cannot be unpacked/);
  });

  it('does not count what it does not read against the limit', async () => {
    const plenty = await read(
      { 'watched.csv': 'Date,Name,Year,Letterboxd URI\n', 'orphaned/big.csv': Buffer.alloc(3 * MB) },
      2 * MB,
    );
    expect(plenty.films).toEqual([]);
  });
});
