import type { ImportCounts, UnmatchedRow } from '../domain/import.events.js';
import type { ImportView, ImportStatus } from '../imports.response.js';
import type { ImportSource, RowError } from '../parsing/import-plan.js';

export interface ImportRow {
  id: string;
  source: ImportSource;
  file_name: string;
  status: ImportStatus;
  done: number;
  total: number;
  counts: ImportCounts | null;
  unmatched: UnmatchedRow[];
  row_errors: RowError[];
  not_imported: Record<string, number>;
  failure: string | null;
  created_at: Date;
  completed_at: Date | null;
}

export const IMPORT_COLUMNS = `i.id, i.source, i.file_name, i.status, i.done, i.total, i.counts, i.unmatched,
  i.row_errors, i.not_imported, i.failure, i.created_at, i.completed_at`;

export const toImportView = (row: ImportRow): ImportView => ({
  id: row.id,
  source: row.source,
  fileName: row.file_name,
  status: row.status,
  progress: { done: row.done, total: row.total },
  // Imports completed before ratings or diaries were imported gave none.
  counts:
    row.counts === null
      ? null
      : {
          ...row.counts,
          ratings: row.counts.ratings ?? 0,
          diaryEntries: row.counts.diaryEntries ?? 0,
          reviews: row.counts.reviews ?? 0,
        },
  unmatched: row.unmatched,
  rowErrors: row.row_errors,
  notImported: row.not_imported,
  ...(row.failure === null ? {} : { failure: row.failure }),
  createdAt: row.created_at.toISOString(),
  ...(row.completed_at === null ? {} : { completedAt: row.completed_at.toISOString() }),
});
