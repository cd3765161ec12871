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
  return titleKeysOfNormalised(normaliseText(title));
}

/** titleKeys of a title already through normaliseText (the catalogue import normalises once). */
export function titleKeysOfNormalised(text: string): TitleKeys {
  return { exact: squeezed(text), bare: bareKeyOfNormalised(text) };
}

/** The bare key alone (what the catalogue stores); a title that is only an article keeps it. */
function bareKeyOfNormalised(text: string): string {
  const bare = squeezed(text.replace(TRAILING_ARTICLE, '$1').replace(LEADING_ARTICLE, ''));
  return bare === '' ? squeezed(text) : bare;
}

/** What the films table stores to find a title's films by index (`title_key`, `original_title_key`). */
export interface StoredTitleKeys {
  readonly titleKey: string;
  /** Null when there is no original title or it has the title's key: the index holds only the others. */
  readonly originalTitleKey: string | null;
}

export function storedTitleKeys(title: string, originalTitle: string | null): StoredTitleKeys {
  return storedTitleKeysOfNormalised(
    normaliseText(title),
    originalTitle === null ? null : normaliseText(originalTitle),
  );
}

export function storedTitleKeysOfNormalised(title: string, originalTitle: string | null): StoredTitleKeys {
  const titleKey = bareKeyOfNormalised(title);
  // Most original titles are the title itself: one key computed, not two (a catalogue load does millions).
  const originalKey =
    originalTitle === null || originalTitle === title ? null : bareKeyOfNormalised(originalTitle);
  return { titleKey, originalTitleKey: originalKey === titleKey || originalKey === '' ? null : originalKey };
}
