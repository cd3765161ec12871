import type { CsvRecord } from '../../../common/csv/csv-reader.js';
import { eachRow, expectHeader, fieldOf } from './csv-file.js';
import { RowProblem, titleOf, yearOf } from './fields.js';
import { ImportFileError } from './import-file.error.js';
import type { ImportedListItem } from './import-plan.js';
import type { ImportPlanBuilder } from './plan-builder.js';

const VERSION = 'Letterboxd list export v7';
const LIST_HEADER = ['Date', 'Name', 'Tags', 'URL', 'Description'];
const ITEM_HEADER = ['Position', 'Name', 'Year', 'URL', 'Description'];
const POSITION = /^[1-9]\d{0,6}$/;

/**
 * One lists/<slug>.csv: the version line, the list's header and row, then (after a blank line,
 * which the CSV reader skips) the films' header and rows. Ranked when the films have positions.
 */
export function readLetterboxdList(
  plan: ImportPlanBuilder,
  file: string,
  slug: string,
  records: readonly CsvRecord[],
): void {
  const [version, listHeader, list, itemHeader, ...rows] = records;
  if (version?.fields.length !== 1 || version.fields[0]!.trim() !== VERSION)
    throw new ImportFileError('file', `${file}: the first line must be "${VERSION}"`);
  expectHeader(file, listHeader, LIST_HEADER);
  if (list === undefined) throw new ImportFileError('file', `${file}: the list's own row is missing`);
  expectHeader(file, itemHeader, ITEM_HEADER);

  const ranked = rows.some((record) => fieldOf(record, 0) !== '');
  const items: ImportedListItem[] = [];
  eachRow(plan, file, rows, (record) => {
    const position = fieldOf(record, 0);
    if (ranked && !POSITION.test(position))
      throw new RowProblem(
        position === '' ? 'Position is empty on a ranked list' : `Position "${position}" is not a rank`,
      );
    const note = fieldOf(record, 4);
    items.push({
      position: ranked ? Number(position) : null,
      title: titleOf('Name', fieldOf(record, 1)),
      year: yearOf('Year', fieldOf(record, 2)),
      note: note === '' ? null : note,
      line: record.line,
    });
  });
  const description = fieldOf(list, 4);
  plan.list({
    slug,
    name: fieldOf(list, 1) || slug,
    description: description === '' ? null : description,
    ranked,
    file,
    items,
  });
}
