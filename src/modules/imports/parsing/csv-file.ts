import { CsvError, type CsvRecord, csvRecords } from '../../../common/csv/csv-reader.js';
import { ImportFileError } from './import-file.error.js';
import type { ImportPlanBuilder } from './plan-builder.js';
import { RowProblem } from './fields.js';

/** Every record of a CSV file; a file that is not CSV fails the import, naming the file. */
export function recordsOf(file: string, text: string, delimiter = ','): CsvRecord[] {
  try {
    return [...csvRecords(text, delimiter)];
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError('file', `${file}: ${error.message}`);
    throw error;
  }
}

const shown = (fields: readonly string[]): string => fields.join(',');

/** The header must be exactly the one the service writes: anything else is another file or version. */
export function expectHeader(file: string, record: CsvRecord | undefined, expected: readonly string[]): void {
  const header = record?.fields.map((field) => field.trim()) ?? [];
  if (header.length !== expected.length || header.some((name, index) => name !== expected[index]))
    throw new ImportFileError(
      'file',
      `${file}: the header must be "${shown(expected)}" (got "${shown(header)}")`,
    );
}

/** Where each named column is (names compared trimmed and in lower case); missing required ones fail the import. */
export function columnsOf<Name extends string>(
  file: string,
  record: CsvRecord | undefined,
  required: readonly Name[],
  optional: readonly Name[] = [],
): Partial<Record<Name, number>> {
  const header = record?.fields.map((field) => field.trim().toLowerCase()) ?? [];
  const columns: Partial<Record<Name, number>> = {};
  for (const name of [...required, ...optional]) {
    const index = header.indexOf(name.toLowerCase());
    if (index !== -1) columns[name] = index;
  }
  const missing = required.filter((name) => columns[name] === undefined);
  if (missing.length > 0)
    throw new ImportFileError(
      'file',
      `${file}: the header lacks ${missing.join(', ')} (got "${shown(record?.fields ?? [])}")`,
    );
  return columns;
}

/** A field's trimmed value ('' when the row is short or the column absent). */
export const fieldOf = (record: CsvRecord, index: number | undefined): string =>
  index === undefined ? '' : (record.fields[index] ?? '').trim();

/** Reads each data row; a row with a problem becomes a rowError with its file and line, and the rest goes on. */
export function eachRow(
  plan: ImportPlanBuilder,
  file: string,
  records: readonly CsvRecord[],
  read: (record: CsvRecord) => void,
): void {
  for (const record of records) {
    plan.rowRead();
    try {
      read(record);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      plan.rowError(file, record.line, error.message);
    }
  }
}
