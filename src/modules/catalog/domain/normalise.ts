import slugify from 'slugify';
import { isUuid } from '../../../common/uuid.js';

/** Letters that carry no combining mark under NFKD, so stripping marks alone would keep them apart. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};
const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');

/**
 * The one normalisation of the catalogue, used for search text and person matching:
 * accents and case do not matter ("Cédric" = "cedric"), runs of whitespace count as one space.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .replace(/\s+/gu, ' ')
    .trim();
}

const MAX_SLUG_TEXT_LENGTH = 80;

/** Lowercase ASCII kebab: "Science Fiction" → "science-fiction". Empty when nothing latin is left. */
export function kebab(text: string): string {
  return slugify(normaliseText(text), { lower: true, strict: true, trim: true });
}

/** Kebab of a title or a name, bounded; `fallback` when nothing latin is left. */
const slugText = (text: string, fallback: string): string =>
  kebab(text).slice(0, MAX_SLUG_TEXT_LENGTH).replace(/-+$/, '') || fallback;

/** A slug shaped like a UUID would be read as an id wherever an id or a slug is taken. */
const unlikeAnId = (slug: string, noun: string): string => (isUuid(slug) ? `${noun}-${slug}` : slug);

/** Spellings other sources use for a genre the catalogue names differently. */
const GENRE_ALIASES: Readonly<Record<string, string>> = {
  'sci-fi': 'science-fiction',
  scifi: 'science-fiction',
};

/** A genre as the catalogue stores and filters it: "Sci-Fi" and "Science Fiction" are both "science-fiction". */
export function normaliseGenre(genre: string): string {
  const name = kebab(genre);
  return GENRE_ALIASES[name] ?? name;
}

/**
 * The slug a film is first given: "paris-2008". A title with no latin letters keeps only the
 * year ("film-1954" when there is not even that). Collisions are resolved by the writer.
 */
export function slugBase(title: string, year: number | null | undefined): string {
  const titlePart = slugText(title, 'film');
  return unlikeAnId(year === null || year === undefined ? titlePart : `${titlePart}-${year}`, 'film');
}

/**
 * The slug a person is first given: "cedric-klapisch" ("person" for a name with no latin
 * letters). Collisions take a suffix as films' do, from the writer.
 */
export const personSlugBase = (name: string): string => unlikeAnId(slugText(name, 'person'), 'person');

/** The slug for the n-th film or person with the same base (n ≥ 2): "paris-2008-2". */
export const slugWithSuffix = (base: string, n: number): string => (n < 2 ? base : `${base}-${n}`);

/**
 * The slugs rows with these bases get when written one after the other, as the writer gives
 * them: the base when it is free, else the first free of base-2, base-3…
 */
export function slugsInOrder(bases: readonly string[], taken: Iterable<string> = []): string[] {
  const held = new Set(taken);
  return bases.map((base) => {
    let n = 1;
    while (held.has(slugWithSuffix(base, n))) n += 1;
    const slug = slugWithSuffix(base, n);
    held.add(slug);
    return slug;
  });
}

/** What q searches: title, original title and director names, normalised. */
export function searchTextOf(film: {
  readonly title: string;
  readonly originalTitle?: string | null;
  readonly directorNames: readonly string[];
}): string {
  return normaliseText([film.title, film.originalTitle ?? '', ...film.directorNames].join(' '));
}
