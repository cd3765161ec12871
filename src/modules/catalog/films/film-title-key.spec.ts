import { storedTitleKeys, storedTitleKeysOfNormalised, titleKeys } from './film-title-key.js';
import { normaliseText } from '../domain/normalise.js';

describe('titleKeys', () => {
  it.each([
    ['Mission: Impossible', 'Mission Impossible'],
    ['Spider-Man', 'Spiderman'],
    ['AMÉLIE', 'amelie'],
    ['Schindler’s List', "Schindler's List"],
    ['The Godfather', 'Godfather'],
    ['Godfather, The', 'The Godfather'],
    ["L'Atalante", 'Atalante'],
    ['Das Boot', 'Boot'],
    ['La Dolce Vita', 'Dolce Vita'],
    ['Ødegaard', 'odegaard'],
  ])('%s and %s share a key', (a, b) => {
    expect(titleKeys(a).bare).toBe(titleKeys(b).bare);
  });

  it.each([
    ['Paris', 'Paris, Texas'],
    ['A Man Escaped', 'Man Escapes'],
    ['Alien', 'Aliens'],
  ])('%s and %s do not', (a, b) => {
    expect(titleKeys(a).bare).not.toBe(titleKeys(b).bare);
  });

  it('keeps the article in the exact key, so a title spelt as written is preferred', () => {
    expect(titleKeys('The Godfather').exact).toBe('thegodfather');
    expect(titleKeys('Godfather').exact).toBe('godfather');
  });

  it('keeps a title that is only an article, and is empty without letters or digits', () => {
    expect(titleKeys('The').bare).toBe('the');
    expect(titleKeys('A').bare).toBe('a');
    expect(titleKeys('?!').bare).toBe('');
  });

  it('keeps letters of other scripts', () => {
    expect(titleKeys('東京物語').bare).toBe('東京物語');
  });
});

describe('storedTitleKeys', () => {
  it('stores the bare key of the title, and of the original title only when it differs', () => {
    expect(storedTitleKeys('The Rules of the Game', 'La Règle du jeu')).toEqual({
      titleKey: 'rulesofthegame',
      originalTitleKey: 'regledujeu',
    });
    expect(storedTitleKeys('Paris', null)).toEqual({ titleKey: 'paris', originalTitleKey: null });
    expect(storedTitleKeys('The Godfather', 'Godfather')).toEqual({
      titleKey: 'godfather',
      originalTitleKey: null,
    });
    expect(storedTitleKeys('Vertigo', '?!')).toEqual({ titleKey: 'vertigo', originalTitleKey: null });
  });

  it('is the same from titles already normalised, as the catalogue import gives them', () => {
    for (const [title, original] of [
      ['Œdipe Roi', 'Edipo re'],
      ['Tokyo Story', '東京物語'],
      ['AMÉLIE', null],
    ] as const)
      expect(
        storedTitleKeysOfNormalised(normaliseText(title), original === null ? null : normaliseText(original)),
      ).toEqual(storedTitleKeys(title, original));
  });

  it('matches what the matcher computes for a row', () => {
    expect(storedTitleKeys('Mission: Impossible', null).titleKey).toBe(titleKeys('Mission Impossible').bare);
  });
});
