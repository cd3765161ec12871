import { isCanonicalUuid } from '../../../../common/uuid.js';
import { decodeCursorFields, encodeCursorFields } from '../../../../common/paging/index.js';

/**
 * Where the next page starts. Without q films are listed by (title, id), or newest first by
 * (release key, title, id) when sorted by release. With q they come from
 * one of two tiers: films holding every word of q (as a word or part of one) or, when there are
 * none, films found by similarity (typos); both ordered by (score desc, length of the search
 * text, id). The cursor carries the last film's sort key, so paging is a keyset seek and no film
 * is skipped or repeated when others are added meanwhile.
 */
export type RelevanceTier = 'exact' | 'similar';

export interface TitleCursor {
  readonly kind: 'title';
  readonly title: string;
  readonly id: string;
}

export interface RelevanceCursor {
  readonly kind: 'relevance';
  readonly tier: RelevanceTier;
  readonly score: number;
  readonly length: number;
  readonly id: string;
}

/** Newest first (films without a year last), then by title and id. */
export interface ReleaseCursor {
  readonly kind: 'release';
  readonly year: number | null;
  readonly title: string;
  readonly id: string;
}

export type FilmCursor = TitleCursor | ReleaseCursor | RelevanceCursor;

const MAX_CURSOR_LENGTH = 2000;
const TIER_CODES: Readonly<Record<string, RelevanceTier>> = { e: 'exact', s: 'similar' };

export function encodeCursor(cursor: FilmCursor): string {
  switch (cursor.kind) {
    case 'title':
      return encodeCursorFields(['t', cursor.title, cursor.id]);
    case 'release':
      return encodeCursorFields(['y', cursor.year, cursor.title, cursor.id]);
    case 'relevance':
      return encodeCursorFields([
        cursor.tier === 'exact' ? 'e' : 's',
        cursor.score,
        cursor.length,
        cursor.id,
      ]);
  }
}

/** The cursor, or null when the text is not one this API gave out. */
export function decodeCursor(text: string): FilmCursor | null {
  const fields = decodeCursorFields(text, MAX_CURSOR_LENGTH);
  if (!fields) return null;
  const [code, ...rest] = fields;
  if (code === 't' && rest.length === 2) {
    const [title, id] = rest;
    return typeof title === 'string' && isCanonicalUuid(id) ? { kind: 'title', title, id } : null;
  }
  if (code === 'y' && rest.length === 3) {
    const [year, title, id] = rest;
    const valid =
      (year === null || Number.isInteger(year)) && typeof title === 'string' && isCanonicalUuid(id);
    return valid ? { kind: 'release', year: year as number | null, title, id } : null;
  }
  const tier = typeof code === 'string' ? TIER_CODES[code] : undefined;
  if (tier && rest.length === 3) {
    const [score, length, id] = rest;
    const valid =
      typeof score === 'number' && Number.isFinite(score) && Number.isInteger(length) && isCanonicalUuid(id);
    return valid ? { kind: 'relevance', tier, score, length: length as number, id } : null;
  }
  return null;
}
