import slugify from 'slugify';
import { fromHalfStars } from '../../film-log/domain/rating.js';
import { csvLine, type CsvField } from './csv-line.js';
import type { FilmRow, ListRow, MarksRow, MemberRows } from './member-rows.js';

/** The headers Letterboxd's own export writes, so other platforms' Letterboxd importers read ours. */
export const LETTERBOXD_HEADERS = {
  films: ['Date', 'Name', 'Year', 'Letterboxd URI'],
  diary: ['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating', 'Rewatch', 'Tags', 'Watched Date'],
  ratings: ['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating'],
  reviews: ['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating', 'Rewatch', 'Review', 'Tags', 'Watched Date'],
  list: ['Date', 'Name', 'Tags', 'URL', 'Description'],
  listItems: ['Position', 'Name', 'Year', 'URL', 'Description'],
} as const;

export const LIST_EXPORT_VERSION = 'Letterboxd list export v7';

/** Letterboxd's files carry days, in UTC. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** Our film page, where Letterboxd gives its own short link. */
const uriOf = (film: FilmRow): string => `/films/${film.slug}`;

const filmFields = (date: Date, film: FilmRow): CsvField[] => [
  dayOf(date),
  film.title,
  film.year,
  uriOf(film),
];

type Chunks = AsyncGenerator<Buffer>;

/** A CSV file: its header, then a chunk per batch of rows. */
async function* csvFile<Row>(
  header: readonly string[],
  batches: AsyncIterable<Row[]>,
  fieldsOf: (row: Row) => CsvField[] | null,
): Chunks {
  yield Buffer.from(csvLine(header));
  for await (const batch of batches) {
    const lines = batch.flatMap((row) => {
      const fields = fieldsOf(row);
      return fields === null ? [] : [csvLine(fields)];
    });
    if (lines.length > 0) yield Buffer.from(lines.join(''));
  }
}

const marked =
  (mark: 'favourite' | 'watchlisted', at: 'favourited_at' | 'watchlisted_at') =>
  (row: MarksRow): CsvField[] | null =>
    row[mark] ? filmFields(row[at] ?? row.updated_at, row) : null;

/** watched.csv: every checked film, on the day it was checked. */
export const watchedCsv = (rows: MemberRows): Chunks =>
  csvFile(LETTERBOXD_HEADERS.films, rows.marks('checked'), (row) =>
    row.checked ? filmFields(row.checked_at ?? row.updated_at, row) : null,
  );

/** ratings.csv: the member's rating of each film, on the day it was given. */
export const ratingsCsv = (rows: MemberRows): Chunks =>
  csvFile(LETTERBOXD_HEADERS.ratings, rows.marks('rated'), (row) =>
    row.rating_half_stars === null
      ? null
      : [...filmFields(row.rated_at ?? row.updated_at, row), fromHalfStars(row.rating_half_stars)],
  );

export const likedFilmsCsv = (rows: MemberRows): Chunks =>
  csvFile(LETTERBOXD_HEADERS.films, rows.marks('favourite'), marked('favourite', 'favourited_at'));

export const watchlistCsv = (rows: MemberRows): Chunks =>
  csvFile(LETTERBOXD_HEADERS.films, rows.marks('watchlisted'), marked('watchlisted', 'watchlisted_at'));

/** diary.csv: one row per viewing; Date is the day it was logged, Watched Date the viewing's. */
export const diaryCsv = (rows: MemberRows): Chunks =>
  csvFile(LETTERBOXD_HEADERS.diary, rows.diary(), (row) => [
    ...filmFields(row.logged_at, row),
    fromHalfStars(row.rating_half_stars),
    row.rewatch ? 'Yes' : '',
    '',
    row.watched_on,
  ]);

export const reviewsCsv = (rows: MemberRows): Chunks =>
  csvFile(LETTERBOXD_HEADERS.reviews, rows.reviews(), (row) => [
    ...filmFields(row.created_at, row),
    fromHalfStars(row.rating_half_stars),
    row.rewatch ? 'Yes' : '',
    row.body,
    '',
    row.watched_on,
  ]);

/** lists/<name>.csv as Letterboxd lays it out: the list's row, a blank line, then its films. */
export async function* listCsv(rows: MemberRows, list: ListRow): Chunks {
  yield Buffer.from(
    `${LIST_EXPORT_VERSION}\n` +
      csvLine(LETTERBOXD_HEADERS.list) +
      csvLine([dayOf(list.created_at), list.title, '', `/lists/${list.id}`, list.description]) +
      '\n' +
      csvLine(LETTERBOXD_HEADERS.listItems),
  );
  let rank = 0;
  for await (const batch of rows.listItems(list.id)) {
    const lines = batch.map((item) => {
      rank += 1;
      return csvLine([list.ranked ? rank : null, item.title, item.year, uriOf(item), item.note]);
    });
    yield Buffer.from(lines.join(''));
  }
}

/** A file name for each list, from its title, unique within the archive. */
export class ListFileNames {
  private readonly taken = new Set<string>();

  nameOf(list: ListRow): string {
    const base = slugify(list.title, { lower: true, strict: true }) || 'list';
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) name = `${base}-${n}`;
    this.taken.add(name);
    return `lists/${name}.csv`;
  }
}
