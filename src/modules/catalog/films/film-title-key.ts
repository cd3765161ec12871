import { normaliseText } from '../domain/normalise.js';

/**
 * Articles a title may carry or drop between sources ("The Godfather" / "Godfather",
 * "L'Atalante" / "Atalante"). A small list: each extra word is one more chance to merge two titles.
 */
const ARTICLES = ['the', 'a', 'an', 'le', 'la', 'les', 'der', 'die', 'das', 'el', 'los', 'las', 'il', 'lo'];
const ARTICLE = ARTICLES.join('|');
const LEADING_ARTICLE = new RegExp(`^(?:(?:${ARTICLE}) +|l['’ʼ])(?=.)`, 'u');
/** Lists sorted by title often write "Godfather, The". */
const TRAILING_ARTICLE = new RegExp(`^(.+), *(?:${ARTICLE})$`, 'u');
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;

export interface TitleKeys {
  /** Letters and digits only, article kept: the spelling as written, punctuation and spacing aside. */
  readonly exact: string;
  /** The same without a leading (or trailing ", The") article: what two titles must share to match. */
  readonly bare: string;
}

const squeezed = (text: string): string => text.replace(NOT_ALPHANUMERIC, '');

/**
 * How a title is compared: the catalogue's own normalisation (accents, case), then punctuation
 * and spacing dropped, so "Mission: Impossible" = "Mission Impossible" and "Spider-Man" =
 * "Spiderman". Empty when the title has no letter or digit.
 */
export function titleKeys(title: string): TitleKeys {
  const text = normaliseText(title);
  const exact = squeezed(text);
  const bare = squeezed(text.replace(TRAILING_ARTICLE, '$1').replace(LEADING_ARTICLE, ''));
  return { exact, bare: bare === '' ? exact : bare };
}

/**
 * The longest run of letters and digits in the normalised title: a substring of the film's
 * search text whenever the titles are spelt alike, so a trigram-indexed LIKE can find candidates.
 */
export function longestWord(title: string): string {
  const words = normaliseText(title).split(NOT_ALPHANUMERIC);
  return words.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}
