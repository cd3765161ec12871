import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EventStore } from '#event-store';
import type pg from 'pg';
import yazl from 'yazl';
import { writeMemberArchive } from '../../src/modules/exports/archive/member-archive.js';
import type { ExportFiles } from '../../src/modules/exports/export-files.js';

export interface RunFigures {
  readonly seconds: number;
  /** Highest resident set size during the run, above the one just before it, in MB. */
  readonly peakRssGrowthMb: number;
  readonly bytes: number;
}

const MB = 1024 * 1024;
const SAMPLE_MS = 10;

/** Runs `work` while sampling the process's RSS; the growth is against the RSS at the start. */
async function sampled(work: () => Promise<number>): Promise<RunFigures> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  const begin = performance.now();
  try {
    const bytes = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { seconds: (performance.now() - begin) / 1_000, peakRssGrowthMb: (peak - before) / MB, bytes };
  } finally {
    clearInterval(sampler);
  }
}

/** The export as the job writes it: the archive streamed into ExportFiles. */
export const runExport = (
  pool: pg.Pool,
  store: EventStore,
  files: ExportFiles,
  memberId: string,
  exportId: string,
): Promise<RunFigures> =>
  sampled(async () => {
    const out = await files.writer(exportId, memberId);
    await writeMemberArchive({ pool, store, memberId, exportedAt: new Date() }, out);
    return out.bytes;
  });

/** The member's rows of each table and their events, one statement each, held whole. */
const BARE_DUMPS: readonly [string, string][] = [
  [
    'marks.jsonl',
    `SELECT s.*, f.title, f.year FROM user_film_state s JOIN films f ON f.id = s.film_id WHERE s.user_id = $1`,
  ],
  ['activity.jsonl', `SELECT * FROM activity WHERE actor_id = $1`],
  [
    'diary.jsonl',
    `SELECT d.*, f.title, f.year FROM diary_entries d JOIN films f ON f.id = d.film_id WHERE d.user_id = $1`,
  ],
  ['comments.jsonl', `SELECT * FROM comments WHERE author_id = $1`],
  ['lists.jsonl', `SELECT e.* FROM list_entries e JOIN lists l ON l.id = e.list_id WHERE l.owner_id = $1`],
  [
    'events.jsonl',
    `SELECT * FROM events WHERE metadata->>'actorId' = $1::text OR stream_id LIKE 'filmlog-' || $1 || '.%'`,
  ],
];

/**
 * The floor: a bare dump of the same rows into the same kind of zip and the same store, each
 * table read in one statement and written as one JSON line a row, with no shaping of any kind.
 */
export const runBareDump = (
  pool: pg.Pool,
  files: ExportFiles,
  memberId: string,
  exportId: string,
): Promise<RunFigures> =>
  sampled(async () => {
    const out: Writable & { bytes: number } = await files.writer(exportId, memberId);
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, out);
    for (const [name, text] of BARE_DUMPS) {
      const { rows } = await pool.query(text, [memberId]);
      zip.addBuffer(Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n')), name);
    }
    zip.end();
    await written;
    return out.bytes;
  });
