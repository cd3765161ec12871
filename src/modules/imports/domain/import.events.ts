import type { ImportSource, RowError } from '../parsing/import-plan.js';

/**
 * The public contract of an import: one stream per import (`import-{importId}`) and the facts it
 * records.
 */
export const importStream = (importId: string): string => `import-${importId}`;

export const IMPORT_STREAM_PREFIX = 'import-';

/** The number of each kind of mark an import added, and of the films it could not match. */
export interface ImportCounts {
  readonly checked: number;
  readonly favourites: number;
  readonly watchlist: number;
  /** Films given a rating by this import; absent on imports completed before ratings were imported. */
  readonly ratings?: number;
  /** Viewings added to the diary; absent on imports completed before diaries were imported. */
  readonly diaryEntries?: number;
  /** Reviews written; absent on imports completed before reviews were imported. */
  readonly reviews?: number;
  readonly lists: number;
  readonly unmatched: number;
}

export interface UnmatchedRow {
  readonly title: string;
  readonly year: number | null;
  readonly file: string;
  readonly line: number;
}

export type ImportEvent =
  | {
      readonly type: 'ImportStarted';
      readonly data: {
        readonly memberId: string;
        readonly source: ImportSource;
        readonly fileName: string;
        readonly sha256: string;
        readonly size: number;
      };
    }
  | { readonly type: 'ImportProgressed'; readonly data: { readonly done: number; readonly total: number } }
  | {
      readonly type: 'ImportCompleted';
      readonly data: {
        readonly counts: ImportCounts;
        readonly unmatched: readonly UnmatchedRow[];
        readonly rowErrors: readonly RowError[];
        readonly notImported: Readonly<Record<string, number>>;
      };
    }
  | { readonly type: 'ImportFailed'; readonly data: { readonly reason: string } };

export const IMPORT_EVENT_TYPES: readonly ImportEvent['type'][] = [
  'ImportStarted',
  'ImportProgressed',
  'ImportCompleted',
  'ImportFailed',
];
