import { decodeText } from '../../../common/csv/decode-text.js';
import type { CsvRecord } from '../../../common/csv/csv-reader.js';
import { columnsOf, eachRow, fieldOf, recordsOf } from './csv-file.js';
import { dateTimeOf, imdbIdOf, RowProblem, titleOf, yearOf } from './fields.js';
import { isRating } from '../../film-log/domain/rating.js';
import type { ImportPlan } from './import-plan.js';
import { ImportPlanBuilder } from './plan-builder.js';

/** The Title Types that are films (older exports write `Movie`, `TV Movie`; newer ones `movie`, `tvMovie`). */
const FILM_TYPES = new Set(['movie', 'tv movie', 'tvmovie']);

/** A list export has Position and Created; a ratings export has Date Rated. */
const isListExport = (header: CsvRecord | undefined): boolean =>
  ['position', 'created'].every((name) =>
    header?.fields.some((field) => field.trim().toLowerCase() === name),
  );

/** IMDb rates 1–10; half of it is our half-star scale. An empty field is no rating. */
function imdbRatingOf(field: string): number | null {
  if (field === '') return null;
  const rating = Number(field) / 2;
  if (!Number.isInteger(Number(field)) || !isRating(rating)) {
    throw new RowProblem(`Your Rating "${field}" is not a whole number from 1 to 10`);
  }
  return rating;
}

/**
 * An IMDb CSV export. A ratings export checks each rated film on its Date Rated (an instant, not a
 * viewing date: watchedOn stays unknown) and rates it with its Your Rating halved. A list export is most often the watchlist: its films are
 * added to the watchlist on the date they were added to the list (Created). Rows that are not
 * films (series, episodes, shorts…) are counted in notImported as "<file> (<Title Type>)".
 */
export function readImdb(bytes: Buffer, fileName: string): ImportPlan {
  const [header, ...rows] = recordsOf(fileName, decodeText(bytes));
  const list = isListExport(header);
  const dated = list ? 'created' : 'date rated';
  const columns = columnsOf(
    fileName,
    header,
    ['const', 'title', 'title type', 'year', dated],
    ['your rating'],
  );
  const plan = new ImportPlanBuilder('imdb');
  eachRow(plan, fileName, rows, (record) => {
    const titleType = fieldOf(record, columns['title type']);
    if (!FILM_TYPES.has(titleType.toLowerCase())) {
      plan.notYetImported(`${fileName} (${titleType || 'no Title Type'})`);
      return;
    }
    const film = {
      imdbId: imdbIdOf('Const', fieldOf(record, columns.const)),
      title: titleOf('Title', fieldOf(record, columns.title)),
      year: yearOf('Year', fieldOf(record, columns.year)),
    };
    const { at } = dateTimeOf(list ? 'Created' : 'Date Rated', fieldOf(record, columns[dated]));
    const row = { file: fileName, line: record.line };
    if (list) plan.mark('watchlisted', film, row, at);
    else {
      // Read first: a row with a bad rating is skipped whole, as a row with a bad date is.
      const rating = imdbRatingOf(fieldOf(record, columns['your rating']));
      plan.check(film, row, { watchedOn: null, at });
      if (rating !== null) plan.rate(film, row, { rating, at });
    }
  });
  return plan.build();
}
