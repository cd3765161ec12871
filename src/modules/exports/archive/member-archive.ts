import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EventStore } from '#event-store';
import type pg from 'pg';
import yazl from 'yazl';
import { filmlogJson } from './filmlog-json.js';
import {
  diaryCsv,
  likedFilmsCsv,
  ListFileNames,
  listCsv,
  ratingsCsv,
  reviewsCsv,
  watchedCsv,
  watchlistCsv,
} from './letterboxd-files.js';
import { MemberRows } from './member-rows.js';

/** The files every archive has (lists/<name>.csv come on top, one per list). */
export const ARCHIVE_FILES = [
  'watched.csv',
  'diary.csv',
  'ratings.csv',
  'reviews.csv',
  'likes/films.csv',
  'watchlist.csv',
  'filmlog.json',
] as const;

export interface ArchiveOptions {
  readonly pool: pg.Pool;
  readonly store: EventStore;
  readonly memberId: string;
  readonly exportedAt: Date;
  /** Called as each file of the archive is written, with how many of the fixed files are done. */
  readonly onFile?: (done: number, total: number) => void | Promise<void>;
}

/**
 * Writes a member's archive (a zip) into `out`. Each file is produced from its own batched reads
 * and compressed as it comes, one file after the other, so memory stays flat whatever the history.
 */
export async function writeMemberArchive(options: ArchiveOptions, out: Writable): Promise<void> {
  const { pool, store, memberId, exportedAt } = options;
  const rows = new MemberRows(pool, memberId);
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, out);
  // Stops the output when a file fails, so the pipeline rejects instead of waiting.
  written.catch(() => undefined);
  const total = ARCHIVE_FILES.length + 1;
  let done = 0;
  const add = async (name: string, chunks: AsyncGenerator<Buffer>): Promise<void> => {
    const finished = new Promise<void>((resolve, reject) => {
      const stream = Readable.from(chunks, { objectMode: false });
      stream.once('end', resolve);
      stream.once('error', reject);
      zip.addReadStream(stream, name, { mtime: exportedAt });
    });
    await finished;
  };
  const fileDone = async (): Promise<void> => {
    done += 1;
    await options.onFile?.(done, total);
  };
  try {
    const files: [string, () => AsyncGenerator<Buffer>][] = [
      ['watched.csv', () => watchedCsv(rows)],
      ['diary.csv', () => diaryCsv(rows)],
      ['ratings.csv', () => ratingsCsv(rows)],
      ['reviews.csv', () => reviewsCsv(rows)],
      ['likes/films.csv', () => likedFilmsCsv(rows)],
      ['watchlist.csv', () => watchlistCsv(rows)],
    ];
    for (const [name, chunks] of files) {
      await add(name, chunks());
      await fileDone();
    }
    const names = new ListFileNames();
    for await (const batch of rows.lists())
      for (const list of batch) await add(names.nameOf(list), listCsv(rows, list));
    await fileDone();
    await add('filmlog.json', filmlogJson(rows, store, exportedAt));
    await fileDone();
  } catch (error) {
    (zip.outputStream as Readable).destroy(error as Error);
    throw error;
  }
  zip.end();
  await written;
}
