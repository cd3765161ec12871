import { open } from 'node:fs/promises';
import { TITLE_BASICS_COLUMNS, isTitleBasicsHeader } from './title-basics.line.js';

export type CatalogFormat = 'json' | 'title-basics';

export class UnknownCatalogFormatError extends Error {
  override readonly name = 'UnknownCatalogFormatError';

  constructor() {
    super(
      'neither a JSON array of films nor an IMDb title.basics.tsv (whose first line is the header ' +
        `${TITLE_BASICS_COLUMNS.join('<TAB>')})`,
    );
  }
}

const PEEK_BYTES = 4_096;

/** Tells the format by the file's first bytes: a JSON array opens with `[`, a TSV with its header. */
export async function detectCatalogFormat(path: string): Promise<CatalogFormat> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(PEEK_BYTES), 0, PEEK_BYTES, 0);
    const start = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    if (start.trimStart().startsWith('[')) return 'json';
    const newline = start.indexOf('\n');
    if (isTitleBasicsHeader(newline >= 0 ? start.slice(0, newline) : start)) return 'title-basics';
    throw new UnknownCatalogFormatError();
  } finally {
    await file.close();
  }
}
