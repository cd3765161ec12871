import type { FilmMatch } from '../../catalog/films/film-matcher.js';
import type { ListCsvRow } from './list-csv.js';

/** A row that gives no film, with why. */
export interface UnmatchedRow {
  readonly row: ListCsvRow;
  readonly reason: string;
}

/** A row naming a film an earlier-ranked row already gave. */
export interface DuplicateRow {
  readonly row: ListCsvRow;
  readonly sameAs: ListCsvRow;
}

export interface ListImportPlan {
  readonly rows: number;
  /** Film ids in rank order (file order when the file has no rank), each once. */
  readonly films: readonly string[];
  readonly unmatched: readonly UnmatchedRow[];
  readonly duplicates: readonly DuplicateRow[];
}

function reasonOf(row: ListCsvRow, match: Extract<FilmMatch, { matched: false }>): string {
  switch (match.reason) {
    case 'ambiguous':
      return `${match.candidates} catalogue films match equally well; none was chosen`;
    case 'nothing-to-match':
      return 'no title or imdb_id';
    case 'no-such-film':
      if (row.imdbId !== null && row.title === null) return 'no catalogue film has this IMDb id';
      if (row.imdbId !== null) return 'no catalogue film has this IMDb id, or this title and year';
      return row.year === null
        ? 'no catalogue film has this title'
        : 'no catalogue film has this title in this year or a year either side';
  }
}

/** Rank order; rows without a rank (an unranked file) keep the file's order. */
const byRank = (a: ListCsvRow, b: ListCsvRow): number => (a.rank ?? 0) - (b.rank ?? 0) || a.line - b.line;

/**
 * What the file makes of the list: the matched films in rank order, a film named twice kept at
 * its best rank, and every row that gives no film. `matches[i]` is row i's match (null: a bad row).
 */
export function planListImport(
  rows: readonly ListCsvRow[],
  matches: readonly (FilmMatch | null)[],
): ListImportPlan {
  const unmatched: UnmatchedRow[] = [];
  const duplicates: DuplicateRow[] = [];
  const matched: { row: ListCsvRow; filmId: string }[] = [];
  rows.forEach((row, index) => {
    const match = matches[index] ?? null;
    if (row.problem !== null || match === null) unmatched.push({ row, reason: row.problem ?? 'not matched' });
    else if (!match.matched) unmatched.push({ row, reason: reasonOf(row, match) });
    else matched.push({ row, filmId: match.filmId });
  });
  const firstRow = new Map<string, ListCsvRow>();
  for (const { row, filmId } of matched.sort((a, b) => byRank(a.row, b.row))) {
    const sameAs = firstRow.get(filmId);
    if (sameAs === undefined) firstRow.set(filmId, row);
    else duplicates.push({ row, sameAs });
  }
  return {
    rows: rows.length,
    films: [...firstRow.keys()],
    unmatched: unmatched.sort((a, b) => a.row.line - b.row.line),
    duplicates,
  };
}
