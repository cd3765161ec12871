import { isTitleBasicsHeader, parseTitleBasicsLine, type TitleBasicsLine } from './title-basics.line.js';

const LATEST_YEAR = 2036;
const HEADER =
  'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres';

const line = (...columns: string[]): string => columns.join('\t');
const parse = (text: string): TitleBasicsLine => parseTitleBasicsLine(text, LATEST_YEAR);
const reasonOf = (text: string): string => {
  const parsed = parse(text);
  if (parsed.kind !== 'bad') throw new Error(`expected a bad line, got ${parsed.kind}`);
  return parsed.reason;
};

describe('parseTitleBasicsLine', () => {
  it('reads a film with every column known', () => {
    expect(
      parse(line('tt0869994', 'movie', 'Paris', 'Paris', '0', '2008', '\\N', '130', 'Comedy,Drama,Romance')),
    ).toEqual({
      kind: 'film',
      film: {
        imdbId: 'tt0869994',
        title: 'Paris',
        originalTitle: 'Paris',
        year: 2008,
        runtimeMinutes: 130,
        genres: ['comedy', 'drama', 'romance'],
      },
    });
  });

  it('reads \\N as unknown and keeps quote characters, which the format never escapes', () => {
    expect(parse(line('tt0000001', 'short', '"Allo "Allo', '\\N', '0', '\\N', '\\N', '\\N', '\\N'))).toEqual({
      kind: 'film',
      film: {
        imdbId: 'tt0000001',
        title: '"Allo "Allo',
        originalTitle: null,
        year: null,
        runtimeMinutes: null,
        genres: [],
      },
    });
  });

  it('takes TV films and shorts, strips a CR line ending, and names genres as the catalogue does', () => {
    const parsed = parse(
      `${line('tt10000001', 'tvMovie', 'Été', 'Été', '0', '1999', '\\N', '88', 'Sci-Fi,Film-Noir')}\r`,
    );

    expect(parsed).toMatchObject({
      kind: 'film',
      film: { imdbId: 'tt10000001', title: 'Été', genres: ['science-fiction', 'film-noir'] },
    });
  });

  it.each([
    ['tvEpisode', '0', 'tvEpisode'],
    ['tvSeries', '0', 'tvSeries'],
    ['video', '0', 'video'],
    ['movie', '1', 'adult'],
  ])('ignores a %s (isAdult %s) as %s, without judging its other fields', (type, adult, kind) => {
    expect(parse(line('tt0000002', type, '', '', adult, '1066', 'x', 'y', '!'))).toEqual({
      kind: 'ignored',
      reason: kind,
    });
  });

  it.each([
    [line('tt0000003', 'movie', 'Short Line'), 'expected 9 tab-separated columns, found 3'],
    [`${line('tt0000003', 'movie', 'A', 'A', '0', '2000', '\\N', '90', 'Drama')}\textra`, 'found 10'],
    ['', 'found 1'],
    [line('nm0000003', 'movie', 'A', 'A', '0', '2000', '\\N', '90', 'Drama'), 'tconst "nm0000003"'],
    [line('tt123', 'movie', 'A', 'A', '0', '2000', '\\N', '90', 'Drama'), 'tconst "tt123"'],
    [line('tt0000003', '', 'A', 'A', '0', '2000', '\\N', '90', 'Drama'), 'titleType "" is malformed'],
    [line('tt0000003', 'movie', 'A', 'A', '2', '2000', '\\N', '90', 'Drama'), 'isAdult "2" is not 0 or 1'],
    [line('tt0000003', 'movie', '  ', 'A', '0', '2000', '\\N', '90', 'Drama'), 'primaryTitle is empty'],
    [line('tt0000003', 'movie', '\\N', 'A', '0', '2000', '\\N', '90', 'Drama'), 'primaryTitle is empty'],
    [line('tt0000003', 'movie', 'x'.repeat(301), 'A', '0', '2000', '\\N', '90', 'Drama'), 'longer than 300'],
    [line('tt0000003', 'movie', 'Bell\u0007', 'A', '0', '2000', '\\N', '90', 'Drama'), 'control character'],
    [
      line('tt0000003', 'movie', 'A', 'A', '0', '1066', '\\N', '90', 'War'),
      'startYear 1066 is out of range 1870-2036',
    ],
    [line('tt0000003', 'movie', 'A', 'A', '0', '2037', '\\N', '90', 'War'), 'startYear 2037 is out of range'],
    [line('tt0000003', 'movie', 'A', 'A', '0', '99', '\\N', '90', 'War'), 'startYear "99" is not a year'],
    [line('tt0000003', 'movie', 'A', 'A', '0', '2000', 'soon', '90', 'War'), 'endYear "soon" is not a year'],
    [line('tt0000003', 'movie', 'A', 'A', '0', '2000', '\\N', 'ninety', 'War'), 'runtimeMinutes "ninety"'],
    [line('tt0000003', 'movie', 'A', 'A', '0', '2000', '\\N', '0', 'War'), 'runtimeMinutes "0"'],
    [line('tt0000003', 'movie', 'A', 'A', '0', '2000', '\\N', '100001', 'War'), 'runtimeMinutes "100001"'],
    [line('tt0000003', 'movie', 'A', 'A', '0', '2000', '\\N', '90', 'Drama,,War'), 'malformed genre'],
    [line('tt0000003', 'movie', 'A', 'A', '0', '2000', '\\N', '90', 'Drama;War'), 'malformed genre'],
  ])('refuses %j: %s', (text, reason) => {
    expect(reasonOf(text)).toContain(reason);
  });

  it('gives the same genre list to every line that spells it the same way', () => {
    const first = parse(line('tt0000004', 'movie', 'A', 'A', '0', '2000', '\\N', '90', 'Drama,Drama,War'));
    const second = parse(line('tt0000005', 'movie', 'B', 'B', '0', '2001', '\\N', '91', 'Drama,Drama,War'));

    expect(first).toMatchObject({ film: { genres: ['drama', 'war'] } });
    expect(second).toMatchObject({ film: { genres: ['drama', 'war'] } });
  });
});

describe('isTitleBasicsHeader', () => {
  it('knows the header, with a byte order mark or a CR too', () => {
    expect(isTitleBasicsHeader(HEADER)).toBe(true);
    expect(isTitleBasicsHeader(`\uFEFF${HEADER}\r`)).toBe(true);
  });

  it('refuses other headers', () => {
    expect(isTitleBasicsHeader(HEADER.replace('genres', 'genre'))).toBe(false);
    expect(isTitleBasicsHeader(HEADER.replaceAll('\t', ','))).toBe(false);
  });
});
