import { ListFileError, readListCsv } from './list-csv.js';

describe('readListCsv', () => {
  it('reads rank, title and year in any order and case, ignoring other columns', () => {
    const rows = readListCsv(
      '\uFEFFYear,Director,TITLE,Rank\r\n1958,Hitchcock,"Vertigo",1\r\n1941,Welles,Citizen Kane,2\r\n',
      {
        ranked: true,
      },
    );

    expect(rows).toEqual([
      { line: 2, rank: 1, title: 'Vertigo', year: 1958, imdbId: null, problem: null },
      { line: 3, rank: 2, title: 'Citizen Kane', year: 1941, imdbId: null, problem: null },
    ]);
  });

  it('reads rank and imdb_id, lowercasing the id', () => {
    expect(readListCsv('rank,imdb_id\n1,TT0052357\n', { ranked: true })).toEqual([
      { line: 2, rank: 1, title: null, year: null, imdbId: 'tt0052357', problem: null },
    ]);
  });

  it('keeps bad rows with their problem, and skips blank ones', () => {
    const rows = readListCsv(
      'rank,title,year,imdb_id\n0,A,19x8,\n,B,,tt12\n,,,\n3,"Crouching Tiger, Hidden Dragon",2000,\n',
      {
        ranked: true,
      },
    );

    expect(rows.map((row) => [row.line, row.problem])).toEqual([
      [2, 'rank "0" is not a positive whole number; year "19x8" is not a year'],
      [3, 'rank is missing; imdb_id "tt12" is not an IMDb title id (tt and 7 or more digits)'],
      [5, null],
    ]);
    expect(rows[2]).toMatchObject({ rank: 3, title: 'Crouching Tiger, Hidden Dragon', year: 2000 });
  });

  it('needs no rank for an unranked list', () => {
    expect(readListCsv('title\nVertigo\n', { ranked: false })).toEqual([
      { line: 2, rank: null, title: 'Vertigo', year: null, imdbId: null, problem: null },
    ]);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a header alone', 'rank,title\n', /no films/],
    ['no title nor imdb_id', 'rank,name,year\n1,Vertigo,1958\n', /must name title or imdb_id/],
    ['no rank for a ranked list', 'title,year\nVertigo,1958\n', /needs a rank column/],
    ['a column named twice', 'rank,title,Title\n1,a,b\n', /names title twice/],
  ])('refuses %s', (_case, text, message) => {
    expect(() => readListCsv(text, { ranked: true })).toThrow(ListFileError);
    expect(() => readListCsv(text, { ranked: true })).toThrow(message);
  });
});
