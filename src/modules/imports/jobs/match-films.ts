import type pg from 'pg';
import type { FilmMatcher, FilmMatchRequest } from '../../catalog/films/film-matcher.js';

/** A row to match: what another source says, and our own id when our export gives it. */
export interface FilmToMatch extends FilmMatchRequest {
  readonly filmId?: string;
}

export type FilmMatched = { readonly matched: true; readonly filmId: string } | { readonly matched: false };

/**
 * Matches rows to catalogue films: those our own export names by an id the catalogue has are that
 * film (an export comes back onto the same films); the rest go to the matcher (IMDb id, title).
 */
export async function matchFilms(
  pool: pg.Pool,
  matcher: FilmMatcher,
  rows: readonly FilmToMatch[],
): Promise<FilmMatched[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.filmId === undefined ? [] : [row.filmId])))];
  const known = new Set(
    ids.length === 0
      ? []
      : (await pool.query<{ id: string }>(`SELECT id FROM films WHERE id = ANY($1::uuid[])`, [ids])).rows.map(
          (row) => row.id,
        ),
  );
  const byId = (row: FilmToMatch): boolean => row.filmId !== undefined && known.has(row.filmId);
  const others = await matcher.match(rows.filter((row) => !byId(row)));
  let next = 0;
  return rows.map((row) => (byId(row) ? { matched: true, filmId: row.filmId! } : others[next++]!));
}
