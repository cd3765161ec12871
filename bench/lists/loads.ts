import { performance } from 'node:perf_hooks';
import { PostgresEventStore } from '#event-store';
import { ProjectionMonitor } from '#projections';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { projections as serviceProjections } from '../../src/features.js';
import type { RunningApp } from '../catalogue/search-load.js';
import { drive, type LoadFigures } from '../film-log/http-load.js';
import { driveReads, type LoadTiming, type ReadFigures } from '../social/loads.js';
import type { Reader } from '../social/members.js';
import { openPool } from '../store/databases.js';
import type { BenchList } from './streams.js';

export interface RerankFigures {
  readonly load: LoadFigures;
  readonly moves: number;
  /** Lists whose ranks were still 1..n without gaps or repeats afterwards. */
  readonly listsWhole: number;
}

export interface EditionFigures {
  readonly films: number;
  readonly dropped: number;
  readonly added: number;
  /** The PUT /lists/{id}/edition request itself. */
  readonly requestMs: number;
  /** From its response until the lists projection has applied it (progress of every member recomputed). */
  readonly projectedSeconds: number;
  readonly progressRows: number;
  /** Progress rows that differ from a recount by SQL from the entries and the checks: 0 when exact. */
  readonly differing: number;
}

/** GET /lists/{id}: the first page of the official list with the reader's progress, readers in turn. */
export const driveProgress = (
  app: RunningApp,
  list: BenchList,
  readers: readonly Reader[],
  timing: LoadTiming,
): Promise<ReadFigures> =>
  driveReads(
    app,
    readers.map((reader) => ({ path: `/api/v1/lists/${list.id}`, token: reader.token })),
    timing,
  );

/**
 * PUT /lists/{id}/items/{filmId} {rank}: each connection re-ranks its own list (its owner's
 * token), a random film to a random rank, so no two connections contend for one stream.
 */
export async function driveReranks(
  app: RunningApp,
  lists: readonly { list: BenchList; owner: Reader }[],
  films: readonly string[],
  timing: LoadTiming,
): Promise<LoadFigures & { moves: number }> {
  const random = new SeededRandom(13);
  let nextList = 0;
  let moves = 0;
  const setup = (request: Parameters<Parameters<typeof drive>[3]>[0], context: Record<string, unknown>) => {
    context['list'] ??= lists[nextList++ % lists.length];
    const { list, owner } = context['list'] as (typeof lists)[number];
    return {
      ...request,
      method: 'PUT' as const,
      path: `/api/v1/lists/${list.id}/items/${random.pick(films)}`,
      headers: {
        ...request.headers,
        authorization: `Bearer ${owner.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ rank: random.int(1, films.length) }),
    };
  };
  if (timing.warmUpSeconds > 0) await drive(app, timing.connections, timing.warmUpSeconds, setup);
  const load = await drive(app, timing.connections, timing.seconds, setup, (status) => {
    if (status === 200) moves += 1;
  });
  return { ...load, moves };
}

/** Lists whose current entries hold ranks 1..n: as many distinct positions as entries, and n = size. */
export async function wholeLists(url: string, lists: readonly BenchList[]): Promise<number> {
  const pool = openPool(url, 1, 'filmlog-bench-monitor');
  try {
    const { rows } = await pool.query<{ whole: number }>(
      `SELECT count(*)::int AS whole FROM lists
       JOIN LATERAL (
         SELECT count(*) AS entries, count(DISTINCT position) AS positions
         FROM list_entries WHERE list_id = lists.id AND removed_at IS NULL
       ) AS current ON true
       WHERE lists.id = ANY($1::uuid[]) AND current.entries = current.positions AND current.entries = lists.size`,
      [lists.map((list) => list.id)],
    );
    return rows[0]!.whole;
  } finally {
    await pool.end();
  }
}

/**
 * A new edition of the official list through the API: the last `churn` films dropped, as many
 * new ones added, the rest in a new order; then until the lists projection has applied it.
 */
export async function publishEdition(
  app: RunningApp,
  url: string,
  list: BenchList,
  admin: Reader,
  current: readonly string[],
  newcomers: readonly string[],
  limitMs: number,
): Promise<EditionFigures> {
  const kept = current.slice(0, current.length - newcomers.length);
  const films = [...newcomers, ...kept.toReversed()];
  const sent = performance.now();
  const response = await fetch(`${app.baseUrl}/api/v1/lists/${list.id}/edition`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ films }),
  });
  if (response.status !== 200)
    throw new Error(`PUT edition answered ${response.status}: ${await response.text()}`);
  const { position } = (await response.json()) as { position: string };
  const answered = performance.now();
  const pool = openPool(url, 2, 'filmlog-bench-monitor');
  const store = new PostgresEventStore({ connectionString: url, applicationName: 'filmlog-bench-monitor' });
  const monitor = new ProjectionMonitor({ store, pool, projections: serviceProjections });
  try {
    if (!(await monitor.waitFor(['lists'], position, limitMs)))
      throw new Error('the edition was not projected in time');
    const projectedSeconds = (performance.now() - answered) / 1_000;
    const { rows } = await pool.query<{ rows: number; differing: number }>(
      `WITH recount AS (
         SELECT checks.user_id, count(*)::int AS checked
         FROM list_entries AS entry JOIN list_checks AS checks ON checks.film_id = entry.film_id
         WHERE entry.list_id = $1 AND entry.removed_at IS NULL
         GROUP BY checks.user_id
       )
       SELECT (SELECT count(*)::int FROM list_progress WHERE list_id = $1) AS rows,
              count(*)::int AS differing
       FROM recount FULL JOIN (SELECT user_id, checked FROM list_progress WHERE list_id = $1) AS kept
         USING (user_id)
       WHERE recount.checked IS DISTINCT FROM kept.checked`,
      [list.id],
    );
    return {
      films: films.length,
      dropped: newcomers.length,
      added: newcomers.length,
      requestMs: answered - sent,
      projectedSeconds,
      progressRows: rows[0]!.rows,
      differing: rows[0]!.differing,
    };
  } finally {
    await monitor.close();
    await store.close();
    await pool.end();
  }
}
