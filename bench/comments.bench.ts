import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { withRunningApp, type RunningApp } from './catalogue/search-load.js';
import { drivePosts, driveFilmComments, driveQueue, thirdQueuePage } from './comments/loads.js';
import { parseCommentsBenchOptions, type CommentsBenchOptions } from './comments/options.js';
import {
  describeMethod,
  formatReport,
  targetsOf,
  type AutoHideFigures,
  type CommentsBenchReport,
  type CommentsLoads,
  type QueueDataset,
} from './comments/report.js';
import { CommentThreads } from './comments/threads.js';
import { fillFilms, settle, vacuumAnalyze } from './film-log/prefill.js';
import { runBench, timed } from './shared/bench-cli.js';
import { memberStreams } from './shared/events.js';
import type { LoadTiming } from './social/loads.js';
import { benchMembers, insertAccounts, mintTokens, TOKEN_TTL_SECONDS } from './social/members.js';
import { appendStreams } from './social/prefill.js';
import { watchServiceCatchUp } from './social/projections.js';
import { openPool, type BenchDatabases } from './store/databases.js';

const JWT_SECRET = randomBytes(32).toString('base64url');
const AUTOHIDE_REPORTS = 3;

const SERVICE_ENV = {
  APP_ROLE: 'all',
  JWT_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
  REDIS_KEY_PREFIX: `filmlog-bench-comments-${randomBytes(4).toString('hex')}:`,
  MODERATION_AUTOHIDE_REPORTS: String(AUTOHIDE_REPORTS),
  COMMENT_RATE_LIMIT_PER_MINUTE: '0',
};

/** Until the read model shows every comment the jobs must hide (and the prefilled hides) hidden. */
async function waitForAutoHides(
  url: string,
  hidden: number,
  begin: number,
  limitMs: number,
): Promise<number> {
  const pool = openPool(url, 1, 'filmlog-bench-monitor');
  try {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const { rows } = await pool.query<{ hidden: number }>(
        'SELECT count(*)::int AS hidden FROM comments WHERE hidden',
      );
      if (rows[0]!.hidden >= hidden) return (performance.now() - begin) / 1_000;
      if (Date.now() > deadline)
        throw new Error(`${rows[0]!.hidden} of ${hidden} comments hidden in ${limitMs} ms`);
      await sleep(100);
    }
  } finally {
    await pool.end();
  }
}

async function describeQueue(url: string): Promise<{ queue: QueueDataset; mostCommentedFilm: string }> {
  const pool = openPool(url, 1, 'filmlog-bench-monitor');
  try {
    const { rows } = await pool.query<QueueDataset>(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS "openItems",
              coalesce(sum(report_count) FILTER (WHERE status = 'open'), 0)::int AS "openReports",
              count(*) FILTER (WHERE status = 'resolved')::int AS "resolvedItems"
       FROM moderation_queue`,
    );
    const film = await pool.query<{ film_id: string }>(
      'SELECT film_id FROM comments GROUP BY film_id ORDER BY count(*) DESC LIMIT 1',
    );
    return { queue: rows[0]!, mostCommentedFilm: film.rows[0]!.film_id };
  } finally {
    await pool.end();
  }
}

async function loadPhase(
  app: RunningApp,
  options: CommentsBenchOptions,
  members: ReturnType<typeof benchMembers>,
  filmIds: readonly string[],
  mostCommentedFilm: string,
): Promise<CommentsLoads> {
  const timing: LoadTiming = {
    connections: options.connections,
    warmUpSeconds: options.warmUpSeconds,
    seconds: options.loadSeconds,
    aloneSeconds: options.aloneSeconds,
  };
  const [moderator] = await mintTokens(JWT_SECRET, members.slice(0, 1));
  const posters = await mintTokens(JWT_SECRET, members.slice(1, 1 + options.posters));
  const thirdPage = await thirdQueuePage(app, moderator!);
  const seconds = `${options.warmUpSeconds} + ${options.loadSeconds} + ${options.aloneSeconds} s`;
  const queueFirstPage = await timed(`GET /moderation/queue (${seconds})`, () =>
    driveQueue(app, moderator!, '/api/v1/moderation/queue?status=open', timing),
  );
  const queueThirdPage = await timed(`GET /moderation/queue, third page (${seconds})`, () =>
    driveQueue(app, moderator!, thirdPage, timing),
  );
  const queueResolved = await timed(`GET /moderation/queue?status=resolved (${seconds})`, () =>
    driveQueue(app, moderator!, '/api/v1/moderation/queue?status=resolved', timing),
  );
  const filmComments = await timed(`GET /films/{id}/comments (${seconds})`, () =>
    driveFilmComments(app, mostCommentedFilm, timing),
  );
  // Last, so the reads above see the prefilled queue and nothing the posts add.
  const posts = await timed(
    `POST /films/{id}/comments (${options.warmUpSeconds} + ${options.loadSeconds} s)`,
    () => drivePosts(app, posters, filmIds, timing),
  );
  return { posts, queueFirstPage, queueThirdPage, queueResolved, filmComments };
}

async function measure(databases: BenchDatabases, options: CommentsBenchOptions) {
  const begin = performance.now();
  return databases.inFresh('comments', async (url) => {
    const { ids: filmIds, figures: films } = await timed(`fill ${options.films} films`, () =>
      fillFilms(url, options.films),
    );
    const members = benchMembers(options.members);
    await timed(`${members.length} accounts rows`, () => insertAccounts(url, members));
    const writers = options.prefillWriters;
    const registered = await timed(`append ${members.length} member streams`, () =>
      appendStreams(url, 'members', memberStreams(members, 'moderator'), {
        writers,
        expectedStreams: members.length,
        after: null,
      }),
    );
    const threads = new CommentThreads(options, members, filmIds, AUTOHIDE_REPORTS);
    const commented = await timed(`append ${options.comments} comment streams`, () =>
      appendStreams(url, 'comments', threads, {
        writers,
        expectedStreams: options.comments,
        after: registered.head,
      }),
    );
    await timed('vacuum (analyze)', () => vacuumAnalyze(url));

    const serviceBegin = performance.now();
    return await withRunningApp(url, SERVICE_ENV, async (running) => {
      const catchUp = await timed("the service's projections catch up", () =>
        watchServiceCatchUp(url, commented.head, serviceBegin, options.limitMs),
      );
      const due = threads.totals.dueForAutoHide;
      const autoHide: AutoHideFigures = {
        jobs: threads.totals.reports,
        due,
        threshold: AUTOHIDE_REPORTS,
        seconds: await timed(`${due} auto-hide jobs`, () =>
          waitForAutoHides(url, due + options.resolvedItems, serviceBegin, options.limitMs),
        ),
      };
      await timed('vacuum (analyze), checkpoint', () => settle(url));
      const { queue, mostCommentedFilm } = await describeQueue(url);
      if (queue.openItems !== options.openItems) {
        throw new Error(`the queue has ${queue.openItems} open items, expected ${options.openItems}`);
      }
      const loads = await loadPhase(running, options, members, filmIds, mostCommentedFilm);
      const figures = {
        options,
        seconds: (performance.now() - begin) / 1_000,
        films,
        prefill: { members: registered.figures, threads: commented.figures, totals: { ...threads.totals } },
        catchUp,
        autoHide,
        queue,
        loads,
      };
      return { ...figures, targets: targetsOf(figures), method: describeMethod(options) };
    });
  });
}

const options = parseCommentsBenchOptions(process.argv.slice(2));
await runBench<CommentsBenchReport>({
  name: 'comments',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
