import { dateOf, dateTimeOf, imdbIdInUrl, imdbIdOf, RowProblem, yearOf } from './fields.js';

describe('import fields', () => {
  it('reads dates that exist, and refuses others', () => {
    expect(dateOf('Date', '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-1-01', '01/02/2024', ''])
      expect(() => dateOf('Date', bad)).toThrow(RowProblem);
  });

  it('reads a date with a time of day as UTC, and a bare date as noon', () => {
    expect(dateTimeOf('c', '2016-01-02 21:15')).toEqual({
      date: '2016-01-02',
      at: '2016-01-02T21:15:00.000Z',
    });
    expect(dateTimeOf('c', '2016-01-02')).toEqual({ date: '2016-01-02', at: '2016-01-02T12:00:00.000Z' });
    expect(() => dateTimeOf('c', '2016-01-02 25:00')).toThrow('c "2016-01-02 25:00" is not a time of day');
  });

  it('reads years, an empty one as unknown', () => {
    expect(yearOf('Year', '1979')).toBe(1979);
    expect(yearOf('Year', '')).toBeNull();
    expect(() => yearOf('Year', '79')).toThrow(RowProblem);
  });

  it('reads IMDb ids (tt and 7 or more digits), in a field or an address', () => {
    expect(imdbIdOf('Const', 'TT0079944')).toBe('tt0079944');
    expect(() => imdbIdOf('Const', 'tt079944')).toThrow(RowProblem);
    expect(imdbIdInUrl('imdburl', 'https://www.imdb.com/title/tt10872600/')).toBe('tt10872600');
    expect(imdbIdInUrl('imdburl', 'http://imdb.com/title/tt0079944')).toBe('tt0079944');
    expect(imdbIdInUrl('imdburl', '')).toBeNull();
  });
});
