import type { FilmMatch } from '../../catalog/films/film-matcher.js';
import type { ListCsvRow } from './list-csv.js';
import { planListImport } from './list-import-plan.js';

const row = (
  line: number,
  rank: number | null,
  title: string,
  problem: string | null = null,
): ListCsvRow => ({
  line,
  rank,
  title,
  year: 2000,
  imdbId: null,
  problem,
});
const film = (filmId: string): FilmMatch => ({ matched: true, filmId, by: 'title' });

describe('planListImport', () => {
  it('orders films by rank, keeps a film named twice at its best rank and reports the other row', () => {
    const rows = [row(2, 3, 'C'), row(3, 1, 'A'), row(4, 2, 'B'), row(5, 4, 'A again')];

    const plan = planListImport(rows, [film('c'), film('a'), film('b'), film('a')]);

    expect(plan.films).toEqual(['a', 'b', 'c']);
    expect(plan.duplicates).toEqual([{ row: rows[3], sameAs: rows[1] }]);
    expect(plan.unmatched).toEqual([]);
    expect(plan.rows).toBe(4);
  });

  it('keeps the file order without ranks', () => {
    const plan = planListImport([row(2, null, 'Z'), row(3, null, 'Y')], [film('z'), film('y')]);

    expect(plan.films).toEqual(['z', 'y']);
  });

  it('reports bad and unmatched rows by line, with why', () => {
    const rows = [
      row(4, 3, 'Paris'),
      row(2, 1, 'Bad', 'year "x" is not a year'),
      row(3, 2, 'Nowhere'),
      { ...row(5, 4, ''), title: null, year: null, imdbId: 'tt0000001' },
    ];

    const plan = planListImport(rows, [
      { matched: false, reason: 'ambiguous', candidates: 2 },
      null,
      { matched: false, reason: 'no-such-film', candidates: 0 },
      { matched: false, reason: 'no-such-film', candidates: 0 },
    ]);

    expect(plan.films).toEqual([]);
    expect(plan.unmatched.map(({ row: { line }, reason }) => [line, reason])).toEqual([
      [2, 'year "x" is not a year'],
      [3, 'no catalogue film has this title in this year or a year either side'],
      [4, '2 catalogue films match equally well; none was chosen'],
      [5, 'no catalogue film has this IMDb id'],
    ]);
  });
});
