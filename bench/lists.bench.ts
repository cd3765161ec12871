import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { withRunningApp } from './catalogue/search-load.js';
import { fillFilms, prefillFilmLog, settle, vacuumAnalyze } from './film-log/prefill.js';
import { driveProgress, driveReranks, publishEdition, wholeLists } from './lists/loads.js';
import { parseListsBenchOptions, type ListsBenchOptions } from './lists/options.js';
import { describeMethod, formatReport, targetsOf, type ListsBenchReport } from './lists/report.js';
import { officialList, personalLists, type BenchList } from './lists/streams.js';
import { runBench, timed } from './shared/bench-cli.js';
import type { LoadTiming } from './social/loads.js';
import { benchMembers, mintTokens, TOKEN_TTL_SECONDS } from './social/members.js';
import { appendStreams, registerMembers } from './social/prefill.js';
import { watchServiceCatchUp } from './social/projections.js';
import { openPool, type BenchDatabases } from './store/databases.js';

const JWT_SECRET = randomBytes(32).toString('base64url');

const SERVICE_ENV = {
  APP_ROLE: 'all',
  JWT_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
  REDIS_KEY_PREFIX: `filmlog-bench-lists-${randomBytes(4).toString('hex')}:`,
};

async function membersWithProgress(url: string, list: BenchList): Promise<number> {
  const pool = openPool(url, 1, 'filmlog-bench-monitor');
  try {
    const { rows } = await pool.query<{ members: number }>(
      'SELECT count(*)::int AS members FROM list_progress WHERE list_id = $1',
      [list.id],
    );
    return rows[0]!.members;
  } finally {
    await pool.end();
  }
}

async function measure(databases: BenchDatabases, options: ListsBenchOptions) {
  const begin = performance.now();
  return databases.inFresh('lists', async (url) => {
    const { ids: filmIds, figures: films } = await timed(`fill ${options.films} films`, () =>
      fillFilms(url, options.films),
    );
    const members = benchMembers(options.members);
    const [admin] = members;
    const owners = members.slice(1, 1 + options.rerankLists);
    const readers = members.slice(1 + options.rerankLists, 1 + options.rerankLists + options.readers);
    const writers = options.prefillWriters;
    const registered = await registerMembers(url, members, writers);
    const filmLog = await timed(`prefill ${options.events} film-log events`, () =>
      prefillFilmLog(
        url,
        options,
        members.map((member) => member.id),
        filmIds,
      ),
    );
    const listFilms = filmIds.slice(0, options.listSize);
    const official = officialList(admin!, listFilms);
    const personal: BenchList[] = [];
    const listed = await timed('append the lists', () =>
      appendStreams(url, 'lists', [official.stream, ...personalLists(owners, listFilms, personal)], {
        writers,
        expectedStreams: 1 + owners.length,
        after: filmLog.head,
      }),
    );
    await timed('vacuum (analyze)', () => vacuumAnalyze(url));

    const serviceBegin = performance.now();
    return await withRunningApp(url, SERVICE_ENV, async (running) => {
      const catchUp = await timed("the service's projections catch up", () =>
        watchServiceCatchUp(url, listed.head, serviceBegin, options.limitMs),
      );
      await timed('vacuum (analyze), checkpoint', () => settle(url));
      const withProgress = await membersWithProgress(url, official.list);
      const timing: LoadTiming = {
        connections: options.connections,
        warmUpSeconds: options.warmUpSeconds,
        seconds: options.loadSeconds,
        aloneSeconds: options.aloneSeconds,
      };
      const [adminReader] = await mintTokens(JWT_SECRET, [admin!]);
      const readerTokens = await mintTokens(JWT_SECRET, readers);
      const ownerTokens = await mintTokens(JWT_SECRET, owners);
      const seconds = `${options.warmUpSeconds} + ${options.loadSeconds} + ${options.aloneSeconds} s`;
      const progress = await timed(`GET /lists/{id} (${seconds})`, () =>
        driveProgress(running, official.list, readerTokens, timing),
      );
      const reranked = await timed(`re-rank (${options.warmUpSeconds} + ${options.loadSeconds} s)`, () =>
        driveReranks(
          running,
          personal.map((list, index) => ({ list, owner: ownerTokens[index]! })),
          listFilms,
          timing,
        ),
      );
      const { moves, ...load } = reranked;
      const rerank = { load, moves, listsWhole: await wholeLists(url, personal) };
      const edition = await timed('publish a new edition', () =>
        publishEdition(
          running,
          url,
          official.list,
          adminReader!,
          listFilms,
          filmIds.slice(options.listSize, options.listSize + options.editionChurn),
          options.limitMs,
        ),
      );
      const figures = {
        options,
        seconds: (performance.now() - begin) / 1_000,
        films,
        prefill: { members: registered.figures, filmLog: filmLog.figures, lists: listed.figures },
        catchUp,
        membersWithProgress: withProgress,
        progress,
        rerank,
        edition,
      };
      return { ...figures, targets: targetsOf(figures), method: describeMethod(options) };
    });
  });
}

const options = parseListsBenchOptions(process.argv.slice(2));
await runBench<ListsBenchReport>({
  name: 'lists',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
