import { IMDB_ID } from '../../catalog/films/film-matcher.js';
import { csvRecords } from '../../../common/csv/csv-reader.js';

/** One film of the file, as written; `problem` says why the row cannot be used. */
export interface ListCsvRow {
  readonly line: number;
  readonly rank: number | null;
  readonly title: string | null;
  readonly year: number | null;
  readonly imdbId: string | null;
  readonly problem: string | null;
}

/** The file cannot be read as a list (not the row's fault): nothing is created. */
export class ListFileError extends Error {
  override readonly name = 'ListFileError';
}

const COLUMNS = ['rank', 'title', 'year', 'imdb_id'] as const;
type Column = (typeof COLUMNS)[number];
type Columns = Partial<Record<Column, number>>;

const RANK = /^[1-9]\d{0,6}$/;
const YEAR = /^\d{4}$/;

/** Where each known column is; other columns are ignored. */
function columnsOf(header: readonly string[], ranked: boolean): Columns {
  const columns: Columns = {};
  header.forEach((name, index) => {
    const column = COLUMNS.find((known) => known === name.trim().toLowerCase());
    if (column === undefined) return;
    if (columns[column] !== undefined) throw new ListFileError(`the header names ${column} twice`);
    columns[column] = index;
  });
  if (columns.title === undefined && columns.imdb_id === undefined)
    throw new ListFileError(
      `the header must name title or imdb_id (columns: ${COLUMNS.join(', ')}; got ${header.join(',')})`,
    );
  if (ranked && columns.rank === undefined)
    throw new ListFileError('a ranked list needs a rank column (or give --unranked)');
  return columns;
}

function rowOf(line: number, fields: readonly string[], columns: Columns): ListCsvRow {
  const field = (column: Column): string | null => {
    const index = columns[column];
    const value = index === undefined ? '' : (fields[index] ?? '').trim();
    return value === '' ? null : value;
  };
  const [rank, title, year, imdbId] = [field('rank'), field('title'), field('year'), field('imdb_id')];
  const problems = [
    rank !== null && !RANK.test(rank) ? `rank "${rank}" is not a positive whole number` : null,
    rank === null && columns.rank !== undefined ? 'rank is missing' : null,
    year !== null && !YEAR.test(year) ? `year "${year}" is not a year` : null,
    imdbId !== null && !IMDB_ID.test(imdbId.toLowerCase())
      ? `imdb_id "${imdbId}" is not an IMDb title id (tt and 7 or more digits)`
      : null,
  ].filter((problem) => problem !== null);
  return {
    line,
    rank: rank !== null && RANK.test(rank) ? Number(rank) : null,
    title,
    year: year !== null && YEAR.test(year) ? Number(year) : null,
    imdbId: imdbId?.toLowerCase() ?? null,
    problem: problems.length > 0 ? problems.join('; ') : null,
  };
}

/**
 * The rows of a list file: a header naming rank, title, year and imdb_id (any case, any order,
 * title or imdb_id required, rank required for a ranked list), then one film per record.
 */
export function readListCsv(text: string, options: { readonly ranked: boolean }): ListCsvRow[] {
  const records = csvRecords(text);
  const header = records.next();
  if (header.done) throw new ListFileError('the file is empty');
  const columns = columnsOf(header.value.fields, options.ranked);
  const rows: ListCsvRow[] = [];
  for (const record of records) {
    if (record.fields.every((value) => value.trim() === '')) continue;
    rows.push(rowOf(record.line, record.fields, columns));
  }
  if (rows.length === 0) throw new ListFileError('the file has a header but no films');
  return rows;
}
