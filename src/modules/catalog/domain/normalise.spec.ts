import {
  kebab,
  normaliseGenre,
  normaliseText,
  personSlugBase,
  searchTextOf,
  slugBase,
  slugsInOrder,
  slugWithSuffix,
} from './normalise.js';

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

  it('never look like an id', () => {
    const uuid = '0b6e2a3c-9f1d-4c2b-8a7e-5d4c3b2a1f0e';
    expect(slugBase(uuid, null)).toBe(`film-${uuid}`);
    expect(personSlugBase(uuid)).toBe(`person-${uuid}`);
  });

  it('go to the first free one, in the order rows are written', () => {
    expect(slugsInOrder(['paris-2008', 'paris-2008', 'holy-motors-2012', 'paris-2008'])).toEqual([
      'paris-2008',
      'paris-2008-2',
      'holy-motors-2012',
      'paris-2008-3',
    ]);
    expect(slugsInOrder(['paris-2008', 'paris-2008'], ['paris-2008', 'paris-2008-3'])).toEqual([
      'paris-2008-2',
      'paris-2008-4',
    ]);
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

describe('person slugs', () => {
  it('are the name in accent-free kebab', () => {
    expect(personSlugBase('Cédric Klapisch')).toBe('cedric-klapisch');
    expect(personSlugBase('Krzysztof Kieślowski')).toBe('krzysztof-kieslowski');
    expect(personSlugBase('Paweł Pawlikowski')).toBe('pawel-pawlikowski');
    expect(personSlugBase('Lars von Trier')).toBe('lars-von-trier');
    expect(personSlugBase('Ryan O’Neal')).toBe('ryan-oneal');
    expect(personSlugBase('  Jean-Pierre   Léaud ')).toBe('jean-pierre-leaud');
  });

  it('fall back to "person" for names with no latin letters, and stay bounded', () => {
    expect(personSlugBase('黒澤明')).toBe('person');
    expect(personSlugBase('a very long name '.repeat(20)).length).toBeLessThanOrEqual(80);
  });

  it('take a suffix on collision as films do', () => {
    const bases = ['Jean-Pierre Léaud', 'Jean Pierre Leaud'].map(personSlugBase);
    expect(slugsInOrder(bases)).toEqual(['jean-pierre-leaud', 'jean-pierre-leaud-2']);
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
