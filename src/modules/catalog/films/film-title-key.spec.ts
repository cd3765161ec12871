import { longestWord, titleKeys } from './film-title-key.js';

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

describe('longestWord', () => {
  it('is the longest run of letters and digits, normalised', () => {
    expect(longestWord('Mission: Impossible – Dead Reckoning')).toBe('impossible');
    expect(longestWord('Œdipe Roi')).toBe('oedipe');
  });
});
