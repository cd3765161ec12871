import { closest, type MatchCandidate } from './film-matcher.js';
import { titleKeys } from './film-title-key.js';

const film = (
  id: string,
  title: string,
  year: number | null,
  originalTitle: string | null = null,
): MatchCandidate => ({
  id,
  title,
  originalTitle,
  year,
  imdbId: null,
});

const match = (title: string, year: number | null, films: MatchCandidate[]) =>
  closest(titleKeys(title), year, films);

describe('closest', () => {
  it('matches on title or original title, within a year either side', () => {
    expect(match('Playtime', 1968, [film('a', 'Play Time', 1967)])).toMatchObject({
      matched: true,
      filmId: 'a',
    });
    expect(
      match('Les Enfants du paradis', 1945, [
        film('b', 'Children of Paradise', 1945, 'Les Enfants du Paradis'),
      ]),
    ).toMatchObject({ matched: true, filmId: 'b' });
  });

  it('does not match two years away, nor a film without a year when the row has one', () => {
    expect(match('Vertigo', 1960, [film('a', 'Vertigo', 1958)])).toEqual({
      matched: false,
      reason: 'no-such-film',
      candidates: 0,
    });
    expect(match('Vertigo', 1958, [film('a', 'Vertigo', null)])).toMatchObject({
      matched: false,
      reason: 'no-such-film',
    });
  });

  it('prefers the exact year to a year off by one', () => {
    const films = [film('remake', 'Solaris', 1973), film('tarkovsky', 'Solaris', 1972)];
    expect(match('Solaris', 1972, films)).toMatchObject({ matched: true, filmId: 'tarkovsky' });
  });

  it('prefers the title as written to one that matches only without its article', () => {
    const films = [film('x', 'The Thing', 1982), film('y', 'Thing', 1982)];
    expect(match('The Thing', 1982, films)).toMatchObject({ matched: true, filmId: 'x' });
    expect(match('Thing', 1982, films)).toMatchObject({ matched: true, filmId: 'y' });
  });

  it('never guesses between equally close films', () => {
    const films = [film('a', 'Paris', 2008), film('b', 'Paris', 2008)];
    expect(match('Paris', 2008, films)).toEqual({ matched: false, reason: 'ambiguous', candidates: 2 });
    expect(match('Paris', 2007, [film('a', 'Paris', 2006), film('b', 'Paris', 2008)])).toMatchObject({
      reason: 'ambiguous',
    });
  });

  it('matches any year when the row has none, if only one film has the title', () => {
    expect(match('Chinatown', null, [film('a', 'Chinatown', 1974)])).toMatchObject({
      matched: true,
      filmId: 'a',
    });
    expect(match('Hamlet', null, [film('a', 'Hamlet', 1948), film('b', 'Hamlet', 1996)])).toMatchObject({
      reason: 'ambiguous',
    });
  });
});
