import { atMost, formatTabledReport, ms, whole, type Target } from '../film-log/report.js';
import type { FilmsFigures } from '../film-log/prefill.js';
import type { MachineInfo } from '../store/machine.js';
import type { ReadFigures } from '../social/loads.js';
import type { AppendRunFigures } from '../social/prefill.js';
import type { CatchUpFigures } from '../social/projections.js';
import type { PostFigures } from './loads.js';
import type { CommentsBenchOptions } from './options.js';
import type { ThreadTotals } from './threads.js';

export interface AutoHideFigures {
  /** One job per report: each decides whether its comment now has enough reports to hide. */
  readonly jobs: number;
  /** Comments the jobs had to hide: open items with at least the threshold of reports. */
  readonly due: number;
  readonly threshold: number;
  /** From the service's start until every one of them was hidden in the read model. */
  readonly seconds: number;
}

export interface QueueDataset {
  readonly openItems: number;
  readonly openReports: number;
  readonly resolvedItems: number;
}

export interface CommentsLoads {
  readonly posts: PostFigures;
  readonly queueFirstPage: ReadFigures;
  readonly queueThirdPage: ReadFigures;
  readonly queueResolved: ReadFigures;
  readonly filmComments: ReadFigures;
}

export interface CommentsBenchReport {
  readonly startedAt: string;
  readonly options: CommentsBenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly prefill: {
    readonly members: AppendRunFigures;
    readonly threads: AppendRunFigures;
    readonly totals: ThreadTotals;
  };
  readonly catchUp: CatchUpFigures;
  readonly autoHide: AutoHideFigures;
  readonly queue: QueueDataset;
  readonly loads: CommentsLoads;
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

type Figures = Pick<CommentsBenchReport, 'options' | 'loads'>;

export function targetsOf({ options, loads }: Figures): Target[] {
  const reads = [loads.queueFirstPage, loads.queueThirdPage, loads.queueResolved, loads.filmComments];
  const failures =
    loads.posts.load.non2xx +
    loads.posts.load.errors +
    reads.reduce((sum, { loaded, alone }) => sum + loaded.non2xx + loaded.errors + alone.non2xx, 0);
  return [
    atMost(
      `GET /moderation/queue p99 ms at ${options.connections} connections`,
      loads.queueFirstPage.loaded.p99Ms,
      20,
    ),
    atMost('responses not 2xx, and errors', failures, 0),
  ];
}

function readRows(name: string, { loaded, alone }: ReadFigures, notes: string): string[][] {
  return [
    [
      `${name}, ${loaded.connections} conn.`,
      `${whole(loaded.requestsPerSecond)} req/s`,
      ms(loaded.p50Ms),
      ms(loaded.p99Ms),
      `non-2xx ${loaded.non2xx + alone.non2xx}, errors ${loaded.errors}; ${loaded.seconds} s; ${notes}`,
    ],
    [
      '  the same, one at a time',
      `${whole(alone.requestsPerSecond)} req/s`,
      ms(alone.latency.p50Ms),
      ms(alone.latency.p99Ms),
      `${whole(alone.requests)} requests, each alone`,
    ],
  ];
}

function rowsOf(report: CommentsBenchReport): string[][] {
  const { prefill, catchUp, autoHide, queue, loads } = report;
  const { posts } = loads;
  const append = (name: string, run: AppendRunFigures): string[] => [
    `${name}, ${run.writers} at once`,
    `${whole(run.eventsPerSecond)} events/s`,
    ms(run.latency.p50Ms),
    ms(run.latency.p99Ms),
    `${whole(run.events)} events, ${whole(run.streams)} streams; ${run.seconds.toFixed(1)} s`,
  ];
  return [
    ['measure', 'rate', 'p50 ms', 'p99 ms', 'notes'],
    append('prefill: members', prefill.members),
    append('prefill: comments and reports', prefill.threads),
    [
      'dataset',
      '-',
      '-',
      '-',
      `${whole(prefill.totals.comments)} comments on ${whole(report.films.films)} films; queue: ` +
        `${whole(queue.openItems)} open items with ${whole(queue.openReports)} open reports, ` +
        `${whole(queue.resolvedItems)} resolved`,
    ],
    [
      'service catch-up from zero',
      `${whole(catchUp.eventsPerSecond)} events/s`,
      '-',
      '-',
      `${whole(catchUp.events)} events, all ${catchUp.projections.length} projections in ${catchUp.seconds.toFixed(1)} s`,
    ],
    [
      'auto-hide jobs (outbox → BullMQ)',
      '-',
      '-',
      '-',
      `${whole(autoHide.jobs)} jobs, one per report; all ${whole(autoHide.due)} comments with ≥ ` +
        `${autoHide.threshold} reports hidden ${autoHide.seconds.toFixed(1)} s after the service started`,
    ],
    [
      `POST /films/{id}/comments, ${posts.load.connections} conn.`,
      `${whole(posts.load.requestsPerSecond)} posts/s`,
      ms(posts.load.p50Ms),
      ms(posts.load.p99Ms),
      `${whole(posts.created)} created; non-2xx ${posts.load.non2xx}, errors ${posts.load.errors}; ${posts.load.seconds} s`,
    ],
    ...readRows('GET /moderation/queue', loads.queueFirstPage, 'open, first page of 20, moderator'),
    ...readRows('GET /moderation/queue, page 3', loads.queueThirdPage, 'open, by cursor'),
    ...readRows('GET /moderation/queue?status=resolved', loads.queueResolved, 'first page'),
    ...readRows(
      'GET /films/{id}/comments',
      loads.filmComments,
      'the most commented film, first page, public',
    ),
  ];
}

export const formatReport = (report: CommentsBenchReport): string =>
  formatTabledReport(rowsOf(report), report);

/** What the figures mean, written into the report next to them. */
export const describeMethod = (options: CommentsBenchOptions): string[] => [
  `Database: one fresh migrated database; ${options.films} generated films with SQL (the catalogue bench's ` +
    `fill); ${options.members} members: accounts rows with SQL and MemberRegistered on member-{id} through ` +
    'the event store port; the first member is granted the moderator role (RoleGranted) and reads the queue.',
  `Comments: ${options.comments} comment-{id} streams through the port, ${options.prefillWriters} appends at ` +
    `once: CommentPosted over the last 90 days on films drawn as n × u^2; the first ${options.openItems} also ` +
    'get 1–8 CommentReported by distinct members (1 + ⌊8u³⌋: mostly one or two), the next ' +
    `${options.resolvedItems} two reports and a moderator's CommentHidden. Then VACUUM (ANALYZE).`,
  'Catch-up and auto-hide: the service (`node dist/src/main.js`, APP_ROLE=all) starts with every projection ' +
    'at zero; the time until each passes the last prefilled event, and until every open item with at least ' +
    'MODERATION_AUTOHIDE_REPORTS reports is hidden by its job (reports → moderation-triggers → job_outbox → ' +
    'relay → BullMQ → AutoHideComment), is reported. Then VACUUM (ANALYZE) and CHECKPOINT.',
  `Loads: autocannon in the bench process, ${options.connections} connections, ${options.warmUpSeconds} s warm-up ` +
    `discarded, then ${options.loadSeconds} s each; reads then ${options.aloneSeconds} s one at a time (fetch). ` +
    `Posts by ${options.posters} members in turn, with COMMENT_RATE_LIMIT_PER_MINUTE=0 (the limit is per ` +
    "member and would otherwise be what is measured). Tokens minted with the service's AccessTokens.",
  'PostgreSQL, Redis, the service and the load generator share the same machine and its cores (see loadAverage).',
];
