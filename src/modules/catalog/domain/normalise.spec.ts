import { kebab, normaliseGenre, normaliseText, searchTextOf, slugBase, slugWithSuffix } from './normalise.js';

describe('normaliseText', () => {
  it('drops accents and case', () => {
    expect(normaliseText('Cédric Klapisch')).toBe('cedric klapisch');
    expect(normaliseText('FRANÇOIS Cluzet')).toBe('francois cluzet');
  });

  it('collapses and trims whitespace of every kind', () => {
    expect(normaliseText('  Holy \t Motors\n')).toBe('holy motors');
    expect(normaliseText('Amélie\u00a0Poulain')).toBe('amelie poulain');
  });

  it('folds letters that do not decompose and compatibility forms', () => {
    expect(normaliseText('Łódź')).toBe('lodz');
    expect(normaliseText('Søren Straße')).toBe('soren strasse');
    expect(normaliseText('ﬁlm')).toBe('film');
  });

  it('keeps scripts without a latin form', () => {
    expect(normaliseText('七人の侍')).toBe('七人の侍');
  });
});

describe('slugs', () => {
  it('are accent-free kebab of title and year', () => {
    expect(slugBase('Paris', 2008)).toBe('paris-2008');
    expect(slugBase('Le Fabuleux Destin d’Amélie Poulain', 2001)).toBe(
      'le-fabuleux-destin-damelie-poulain-2001',
    );
    expect(slugBase('Holy Motors!', 2012)).toBe('holy-motors-2012');
  });

  it('leave the year out when unknown and fall back to "film" for non-latin titles', () => {
    expect(slugBase('Paris', null)).toBe('paris');
    expect(slugBase('七人の侍', 1954)).toBe('film-1954');
  });

  it('stay bounded for very long titles', () => {
    const slug = slugBase('a very long title '.repeat(20), 1999);
    expect(slug.length).toBeLessThanOrEqual(85);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-1999$/);
  });

  it('take a numeric suffix from the second film on', () => {
    expect(slugWithSuffix('paris-2008', 1)).toBe('paris-2008');
    expect(slugWithSuffix('paris-2008', 2)).toBe('paris-2008-2');
  });

  it('kebab genres', () => {
    expect(kebab('Science Fiction')).toBe('science-fiction');
    expect(kebab('  Comédie dramatique ')).toBe('comedie-dramatique');
  });

  it('one name per genre whatever the source calls it', () => {
    expect(['Sci-Fi', 'science fiction', 'SciFi'].map(normaliseGenre)).toEqual(
      Array(3).fill('science-fiction'),
    );
    expect(normaliseGenre('Film-Noir')).toBe('film-noir');
  });
});

describe('searchTextOf', () => {
  it('joins title, original title and directors, normalised', () => {
    expect(searchTextOf({ title: 'Paris', originalTitle: 'Paris', directorNames: ['Cédric Klapisch'] })).toBe(
      'paris paris cedric klapisch',
    );
    expect(searchTextOf({ title: 'Holy Motors', originalTitle: null, directorNames: [] })).toBe(
      'holy motors',
    );
  });
});
