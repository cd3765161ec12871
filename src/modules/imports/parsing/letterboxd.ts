import type { CsvRecord } from '../../../common/csv/csv-reader.js';
import { decodeText } from '../../../common/csv/decode-text.js';
import { eachRow, expectHeader, fieldOf, recordsOf } from './csv-file.js';
import { dateOf, noonOf, RowProblem, titleOf, yearOf } from './fields.js';
import { ImportFileError } from './import-file.error.js';
import type { FilmReference, ImportPlan, SourceRow } from './import-plan.js';
import { FILMLOG_JSON, readFilmlogJson } from './filmlog-json.js';
import { readLetterboxdList } from './letterboxd-list.js';
import { ImportPlanBuilder } from './plan-builder.js';
import { readZipEntries } from './zip-entries.js';
import { isRating } from '../../film-log/domain/rating.js';
import { isReviewBody, REVIEW_BODY_MESSAGE } from '../../reviews/domain/review-text.js';

const FILM_HEADER = ['Date', 'Name', 'Year', 'Letterboxd URI'];
const DIARY_HEADER = [...FILM_HEADER, 'Rating', 'Rewatch', 'Tags', 'Watched Date'];
const RATINGS_HEADER = [...FILM_HEADER, 'Rating'];
const REVIEWS_HEADER = [...FILM_HEADER, 'Rating', 'Rewatch', 'Review', 'Tags', 'Watched Date'];
const MARK_FILES = { 'likes/films.csv': 'favourite', 'watchlist.csv': 'watchlisted' } as const;
/** Read and counted, so the member sees they are not imported yet rather than silently dropped. */
const NOT_IMPORTED: readonly string[] = [];
const LIST_FILE = /^lists\/([^/]+)\.csv$/;

const isWanted = (name: string): boolean =>
  name === FILMLOG_JSON ||
  name === 'watched.csv' ||
  name === 'ratings.csv' ||
  name === 'diary.csv' ||
  name === 'reviews.csv' ||
  name in MARK_FILES ||
  NOT_IMPORTED.includes(name) ||
  LIST_FILE.test(name);

/** The film a row of watched, diary, likes or watchlist names (Date, Name, Year first). */
const filmOf = (record: CsvRecord): FilmReference => ({
  imdbId: null,
  title: titleOf('Name', fieldOf(record, 1)),
  year: yearOf('Year', fieldOf(record, 2)),
});

/** Letterboxd writes half stars as 0.5 … 5; an empty Rating is no rating. */
function ratingOf(field: string): number | null {
  if (field === '') return null;
  const rating = Number(field);
  if (!isRating(rating)) throw new RowProblem(`Rating "${field}" is not a rating from 0.5 to 5`);
  return rating;
}

/** Rows of one file after its header, which must be `header` exactly. */
function dataRows(file: string, bytes: Buffer, header: readonly string[]): CsvRecord[] {
  const [first, ...rows] = recordsOf(file, decodeText(bytes));
  expectHeader(file, first, header);
  return rows;
}

/**
 * A Letterboxd export (.zip): watched.csv and diary.csv → checks, every diary.csv row → a diary
 * entry (Watched Date, Rewatch, Rating), ratings.csv and the diary's Rating → ratings (the latest
 * logged wins), likes/films.csv → favourites, watchlist.csv →
 * watchlist, lists/<slug>.csv → personal lists, reviews.csv → reviews (at their Date; the export
 * has no spoiler flag); everything else (deleted/, orphaned/, profile, comments…) is not read.
 * A diary row's viewing date is its Watched Date, never its Date (when it was logged).
 * An archive of our own export holds filmlog.json: then that is read and the CSVs are not.
 */
export async function readLetterboxd(bytes: Buffer, maxUncompressedBytes: number): Promise<ImportPlan> {
  const files = await readZipEntries(bytes, isWanted, maxUncompressedBytes);
  if (files.size === 0)
    throw new ImportFileError(
      'file',
      'the zip archive is not a Letterboxd export: it holds none of watched.csv, diary.csv, likes/films.csv, watchlist.csv, lists/, ratings.csv, reviews.csv',
    );
  const filmlog = files.get(FILMLOG_JSON);
  if (filmlog !== undefined) return readFilmlogJson(filmlog);
  const plan = new ImportPlanBuilder('letterboxd');
  const at = (file: string, record: CsvRecord): SourceRow => ({ file, line: record.line });

  const watched = files.get('watched.csv');
  if (watched !== undefined)
    eachRow(plan, 'watched.csv', dataRows('watched.csv', watched, FILM_HEADER), (record) => {
      const logged = dateOf('Date', fieldOf(record, 0));
      plan.check(filmOf(record), at('watched.csv', record), { watchedOn: null, at: noonOf(logged) });
    });

  const diary = files.get('diary.csv');
  if (diary !== undefined)
    eachRow(plan, 'diary.csv', dataRows('diary.csv', diary, DIARY_HEADER), (record) => {
      const logged = dateOf('Date', fieldOf(record, 0));
      const watchedField = fieldOf(record, 7);
      const watchedOn = watchedField === '' ? null : dateOf('Watched Date', watchedField);
      const film = filmOf(record);
      const rating = ratingOf(fieldOf(record, 4));
      const rewatch = fieldOf(record, 5) === 'Yes';
      plan.check(film, at('diary.csv', record), { watchedOn, at: noonOf(watchedOn ?? logged) });
      if (rating !== null) plan.rate(film, at('diary.csv', record), { rating, at: noonOf(logged) });
      // A row without a Watched Date was logged the day it says: that day is its viewing.
      plan.view(film, at('diary.csv', record), {
        watchedOn: watchedOn ?? logged,
        rewatch,
        rating,
        at: noonOf(logged),
      });
    });

  const reviews = files.get('reviews.csv');
  if (reviews !== undefined)
    eachRow(plan, 'reviews.csv', dataRows('reviews.csv', reviews, REVIEWS_HEADER), (record) => {
      const written = dateOf('Date', fieldOf(record, 0));
      const watchedField = fieldOf(record, 8);
      const body = fieldOf(record, 6);
      if (!isReviewBody(body)) throw new RowProblem(`Review ${REVIEW_BODY_MESSAGE.slice('body '.length)}`);
      const film = filmOf(record);
      const watchedOn = watchedField === '' ? null : dateOf('Watched Date', watchedField);
      // A review checks the film, as one written here does.
      plan.check(film, at('reviews.csv', record), { watchedOn, at: noonOf(watchedOn ?? written) });
      plan.review(film, at('reviews.csv', record), {
        body,
        rating: ratingOf(fieldOf(record, 4)),
        at: noonOf(written),
      });
    });

  const ratings = files.get('ratings.csv');
  if (ratings !== undefined)
    eachRow(plan, 'ratings.csv', dataRows('ratings.csv', ratings, RATINGS_HEADER), (record) => {
      const rating = ratingOf(fieldOf(record, 4));
      if (rating === null) throw new RowProblem('Rating is empty');
      const film = filmOf(record);
      plan.rate(film, at('ratings.csv', record), { rating, at: noonOf(dateOf('Date', fieldOf(record, 0))) });
    });

  for (const [file, mark] of Object.entries(MARK_FILES)) {
    const content = files.get(file);
    if (content === undefined) continue;
    eachRow(plan, file, dataRows(file, content, FILM_HEADER), (record) => {
      const date = dateOf('Date', fieldOf(record, 0));
      plan.mark(mark, filmOf(record), at(file, record), noonOf(date));
    });
  }

  for (const [file, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const slug = LIST_FILE.exec(file)?.[1];
    if (slug !== undefined) readLetterboxdList(plan, file, slug, recordsOf(file, decodeText(content)));
  }

  for (const file of NOT_IMPORTED) {
    const content = files.get(file);
    if (content === undefined) continue;
    const rows = recordsOf(file, decodeText(content)).length - 1;
    if (rows > 0) {
      plan.rowRead(rows);
      plan.notYetImported(file, rows);
    }
  }
  return plan.build();
}
