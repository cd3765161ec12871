/**
 * The public contract of a data export: one stream per export (`export-{exportId}`) and the facts
 * it records. The archive itself is kept outside the events (ExportFiles).
 */
export const exportStream = (exportId: string): string => `export-${exportId}`;

export const EXPORT_STREAM_PREFIX = 'export-';

export type ExportEvent =
  | { readonly type: 'ExportRequested'; readonly data: { readonly memberId: string } }
  | { readonly type: 'ExportProgressed'; readonly data: { readonly done: number; readonly total: number } }
  | { readonly type: 'ExportCompleted'; readonly data: { readonly bytes: number } }
  | { readonly type: 'ExportFailed'; readonly data: { readonly reason: string } };

export const EXPORT_EVENT_TYPES: readonly ExportEvent['type'][] = [
  'ExportRequested',
  'ExportProgressed',
  'ExportCompleted',
  'ExportFailed',
];
