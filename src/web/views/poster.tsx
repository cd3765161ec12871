import type { Poster } from '../../modules/catalog/posters/poster.js';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';

/** What a poster needs of a film: its poster, and the words its alt text and placeholder are made of. */
export interface PosterFilm {
  readonly title: string;
  readonly year: number | null;
  readonly poster: Poster | null;
}

/**
 * Where a poster is shown: its width there in CSS pixels (the size of the box, so the page keeps its
 * place before the picture arrives) and the `sizes` the browser picks a variant by. posters.css sets
 * the same widths.
 */
const DISPLAYS = {
  /** Beside a line of activity or a screening. */
  thumb: { width: 40, sizes: '40px' },
  /** Beside a search result. */
  small: { width: 60, sizes: '60px' },
  /** A cell of a poster grid: a sixth of the page at most, half of a phone. */
  grid: { width: 160, sizes: '(max-width: 40rem) 45vw, 160px' },
  /** Beside a film's title. */
  large: { width: 240, sizes: '(max-width: 40rem) 160px, 240px' },
} as const;

export type PosterDisplay = keyof typeof DISPLAYS;

/** A film a page names by reference, with its poster from the page's lookup (or none). */
export const posterFilm = (
  film: { readonly id: string; readonly title: string; readonly year: number | null },
  posters: PosterMap,
): PosterFilm => ({ title: film.title, year: film.year, poster: posters.get(film.id) ?? null });

/** "Paris (2008)"; the title alone when the year is unknown. */
const filmName = (film: PosterFilm): string =>
  film.year === null ? film.title : `${film.title} (${film.year})`;

/** "TSS" for "The Seventh Seal": the first letter of the first three words. */
export function initials(title: string): string {
  const words = title.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words
    .slice(0, 3)
    .map((word) => [...word][0]!.toLocaleUpperCase('en'))
    .join('');
}

/**
 * Each variant with the width it really has: variants are never wider than the original, so a small
 * original can serve one file under two widths, and a srcset may name a width once.
 */
export function posterSrcset(poster: Poster): string {
  const seen = new Set<number>();
  const candidates: string[] = [];
  for (const [target, url] of Object.entries(poster.sizes).sort(([a], [b]) => Number(a) - Number(b))) {
    const width = Math.min(Number(target), poster.width);
    if (seen.has(width)) continue;
    seen.add(width);
    candidates.push(`${url} ${width}w`);
  }
  return candidates.join(', ');
}

/**
 * A film's poster at one of the page's poster sizes, or a placeholder of the same width with the
 * title's initials (a 2:3 box, in the stylesheet). Lazy unless it is above the fold, where waiting
 * for layout would only delay it.
 */
export function PosterImage({
  film,
  display,
  aboveFold = false,
}: {
  readonly film: PosterFilm;
  readonly display: PosterDisplay;
  readonly aboveFold?: boolean;
}) {
  const { width, sizes } = DISPLAYS[display];
  const { poster } = film;
  if (poster === null)
    return (
      // The initials are drawn by the stylesheet: decoration, kept out of the text of the row around it.
      <span
        class={`poster poster-${display} poster-placeholder`}
        role="img"
        aria-label={`No poster for ${filmName(film)}`}
        data-initials={initials(film.title)}
      />
    );
  return (
    <img
      class={`poster poster-${display}`}
      src={poster.sizes['300']}
      srcset={posterSrcset(poster)}
      sizes={sizes}
      width={width}
      height={Math.round((width * poster.height) / poster.width)}
      alt={`Poster of ${filmName(film)}`}
      {...(aboveFold ? { fetchpriority: 'high' } : { loading: 'lazy', decoding: 'async' })}
    />
  );
}
