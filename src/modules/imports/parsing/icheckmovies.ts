import { decodeText } from '../../../common/csv/decode-text.js';
import { sniffDelimiter } from '../../../common/csv/delimiter.js';
import { columnsOf, eachRow, fieldOf, recordsOf } from './csv-file.js';
import { dateTimeOf, imdbIdInUrl, RowProblem, titleOf, yearOf } from './fields.js';
import type { ImportedCheck, ImportPlan } from './import-plan.js';
import { ImportPlanBuilder } from './plan-builder.js';

const FLAGS = ['favorite', 'disliked', 'watchlist'] as const;
const MARK_OF = { favorite: 'favourite', disliked: 'disliked', watchlist: 'watchlisted' } as const;

function flagOf(column: string, value: string): boolean {
  const flag = value.toLowerCase();
  if (flag === 'yes') return true;
  if (flag === 'no' || flag === '') return false;
  throw new RowProblem(`${column} "${value}" is neither yes nor no`);
}

/** `checked` is `no` or the date it was checked (taken as the viewing date); `yes` is a check without a date. */
function checkOf(value: string, importedAt: string): ImportedCheck | null {
  const checked = value.toLowerCase();
  if (checked === 'no' || checked === '') return null;
  if (checked === 'yes') return { watchedOn: null, at: importedAt };
  const { date, at } = dateTimeOf('checked', value);
  return { watchedOn: date, at };
}

/**
 * An iCheckMovies CSV export, comma- or semicolon-delimited, in UTF-8 or ISO-8859-1; its columns
 * are found by name. The export gives no date for favourite, disliked and watchlist: they take the
 * check's time when the film is checked, else the time of the import.
 */
export function readICheckMovies(bytes: Buffer, fileName: string, importedAt: Date): ImportPlan {
  const text = decodeText(bytes);
  const [header, ...rows] = recordsOf(fileName, text, sniffDelimiter(text));
  const columns = columnsOf(fileName, header, ['title', 'year', 'checked'], ['imdburl', ...FLAGS]);
  const plan = new ImportPlanBuilder('icheckmovies');
  const now = importedAt.toISOString();
  eachRow(plan, fileName, rows, (record) => {
    const film = {
      imdbId: imdbIdInUrl('imdburl', fieldOf(record, columns.imdburl)),
      title: titleOf('title', fieldOf(record, columns.title)),
      year: yearOf('year', fieldOf(record, columns.year)),
    };
    const checked = checkOf(fieldOf(record, columns.checked), now);
    const flags = FLAGS.filter((flag) => flagOf(flag, fieldOf(record, columns[flag])));
    const row = { file: fileName, line: record.line };
    if (checked !== null) plan.check(film, row, checked);
    for (const flag of flags) plan.mark(MARK_OF[flag], film, row, checked?.at ?? now);
  });
  return plan.build();
}
