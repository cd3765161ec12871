import { atLeast, atMost, formatTabledReport, ms, whole, type Target } from '../film-log/report.js';
import type { FilmsFigures, PrefillFigures } from '../film-log/prefill.js';
import type { ReadFigures } from '../social/loads.js';
import type { AppendRunFigures } from '../social/prefill.js';
import type { CatchUpFigures } from '../social/projections.js';
import type { MachineInfo } from '../store/machine.js';
import type { EditionFigures, RerankFigures } from './loads.js';
import type { ListsBenchOptions } from './options.js';

export interface ListsBenchReport {
  readonly startedAt: string;
  readonly options: ListsBenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly prefill: {
    readonly members: AppendRunFigures;
    readonly filmLog: PrefillFigures;
    readonly lists: AppendRunFigures;
  };
  readonly catchUp: CatchUpFigures;
  /** Members with progress on the official list after the catch-up. */
  readonly membersWithProgress: number;
  readonly progress: ReadFigures;
  readonly rerank: RerankFigures;
  readonly edition: EditionFigures;
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

type Figures = Pick<ListsBenchReport, 'options' | 'progress' | 'rerank' | 'edition'>;

export function targetsOf({ options, progress, rerank, edition }: Figures): Target[] {
  const failures =
    progress.loaded.non2xx +
    progress.loaded.errors +
    progress.alone.non2xx +
    rerank.load.non2xx +
    rerank.load.errors;
  return [
    atMost(
      `GET /lists/{id} (progress) p99 ms at ${options.connections} connections`,
      progress.loaded.p99Ms,
      10,
    ),
    atMost('edition: seconds until every member’s progress is recomputed', edition.projectedSeconds, 10),
    atMost('progress rows differing from a recount after the edition', edition.differing, 0),
    atLeast('re-ranked lists still ranked 1..n without gaps', rerank.listsWhole, options.rerankLists),
    atMost('responses not 2xx, and errors', failures, 0),
  ];
}

function rowsOf(report: ListsBenchReport): string[][] {
  const { prefill, catchUp, progress, rerank, edition, options } = report;
  const append = (name: string, run: AppendRunFigures): string[] => [
    `${name}, ${run.writers} at once`,
    `${whole(run.eventsPerSecond)} events/s`,
    ms(run.latency.p50Ms),
    ms(run.latency.p99Ms),
    `${whole(run.events)} events, ${whole(run.streams)} streams; ${run.seconds.toFixed(1)} s`,
  ];
  const filmLog = prefill.filmLog;
  return [
    ['measure', 'rate', 'p50 ms', 'p99 ms', 'notes'],
    append('prefill: members', prefill.members),
    [
      `prefill: film log, ${filmLog.writers} at once`,
      `${whole(filmLog.eventsPerSecond)} events/s`,
      ms(filmLog.latency.p50Ms),
      ms(filmLog.latency.p99Ms),
      `${whole(filmLog.totals.events)} events, ${whole(filmLog.totals.checks)} checks standing, ` +
        `${whole(report.films.films)} films; ${filmLog.seconds.toFixed(1)} s`,
    ],
    append('prefill: lists', prefill.lists),
    [
      'service catch-up from zero',
      `${whole(catchUp.eventsPerSecond)} events/s`,
      '-',
      '-',
      `${whole(catchUp.events)} events, all ${catchUp.projections.length} projections in ${catchUp.seconds.toFixed(1)} s; ` +
        `lists ${catchUp.projections.find((run) => run.name === 'lists')?.seconds.toFixed(1) ?? '?'} s; ` +
        `${whole(report.membersWithProgress)} members with progress on the official list`,
    ],
    [
      `GET /lists/{id} with progress, ${progress.loaded.connections} conn.`,
      `${whole(progress.loaded.requestsPerSecond)} req/s`,
      ms(progress.loaded.p50Ms),
      ms(progress.loaded.p99Ms),
      `the ${options.listSize}-film official list, first page, ${options.readers} readers in turn; ` +
        `non-2xx ${progress.loaded.non2xx + progress.alone.non2xx}, errors ${progress.loaded.errors}`,
    ],
    [
      '  the same, one at a time',
      `${whole(progress.alone.requestsPerSecond)} req/s`,
      ms(progress.alone.latency.p50Ms),
      ms(progress.alone.latency.p99Ms),
      `${whole(progress.alone.requests)} requests, each alone`,
    ],
    [
      `PUT /lists/{id}/items/{film} {rank}, ${rerank.load.connections} conn.`,
      `${whole(rerank.moves / rerank.load.seconds)} moves/s`,
      ms(rerank.load.p50Ms),
      ms(rerank.load.p99Ms),
      `${whole(rerank.moves)} moves on ${options.rerankLists} lists of ${options.listSize} (one per connection); ` +
        `${rerank.listsWhole} still ranked 1..n; non-2xx ${rerank.load.non2xx}, errors ${rerank.load.errors}`,
    ],
    [
      'new edition → every member’s progress',
      '-',
      '-',
      '-',
      `${edition.films} films (${edition.dropped} dropped, ${edition.added} added, the rest reordered): request ` +
        `${edition.requestMs.toFixed(0)} ms, projected ${edition.projectedSeconds.toFixed(2)} s after the answer; ` +
        `${whole(edition.progressRows)} progress rows, ${edition.differing} differ from a recount`,
    ],
  ];
}

export const formatReport = (report: ListsBenchReport): string => formatTabledReport(rowsOf(report), report);

export const describeMethod = (options: ListsBenchOptions): string[] => [
  `Database: one fresh migrated database; ${options.films} generated films with SQL; ${options.members} members ` +
    '(accounts rows with SQL, MemberRegistered through the event store port; the first is an admin).',
  `Film log: ${options.events} events through the port, drawn from the film-log decider as in bench:film-log ` +
    '(popular films and active members come up more often). The official list is the ' +
    `${options.listSize} most popular films, created and published as one edition (ListCreated, ` +
    `ListEditionPublished); ${options.rerankLists} ranked public personal lists of the same films, each built ` +
    'film by film (FilmAddedToList at the end), owned by members who re-rank them.',
  'Catch-up: the service (APP_ROLE=all) starts with every projection at zero; the time until each passes the ' +
    'last prefilled event. Then VACUUM (ANALYZE) and CHECKPOINT.',
  `Loads: autocannon in the bench process, ${options.connections} connections, ${options.warmUpSeconds} s warm-up ` +
    `discarded, then ${options.loadSeconds} s; the reads then ${options.aloneSeconds} s one at a time. GET /lists/{id} ` +
    `(first page of 20 items with the reader's progress) by ${options.readers} members in turn; re-ranks: each ` +
    'connection moves a random film of its own list to a random rank, then the ranks of every list are checked ' +
    'to be 1..n without gaps.',
  `Edition: PUT /lists/{id}/edition by the admin with the list's films, the last ${options.editionChurn} replaced ` +
    'by as many new ones and the rest reversed; timed from the answer until the lists projection has applied it ' +
    "(every member's progress on the list recomputed), then the progress rows are compared with a recount by SQL.",
  'PostgreSQL, Redis, the service and the load generator share the same machine and its cores (see loadAverage).',
];
