import autocannon from 'autocannon';
import { SeededRandom } from '../../src/common/seeded-random.js';
import type { RunningApp, SearchLoadFigures } from '../catalogue/search-load.js';
import type { FilmLogState } from '../../src/modules/film-log/domain/film-log.decider.js';
import { RATINGS } from '../../src/modules/film-log/domain/rating.js';
import type { FilmLogResult } from '../../src/modules/film-log/film-log.response.js';
import type { KnownMarks } from './known-marks.js';
import type { LoadMember } from './members.js';

export type LoadFigures = SearchLoadFigures;

type Mark = 'check' | 'favourite' | 'dislike' | 'watchlist';

/** Which mark a member taps, about as often as members would. */
const MARK_MIX: readonly (readonly [Mark, number])[] = [
  ['check', 0.4],
  ['favourite', 0.25],
  ['dislike', 0.1],
  ['watchlist', 0.25],
];

const HOLDS: Record<Mark, (state: FilmLogState) => boolean> = {
  check: (state) => state.checked,
  favourite: (state) => state.favourite,
  dislike: (state) => state.disliked,
  watchlist: (state) => state.watchlisted,
};

const DAY_MS = 86_400_000;

/** Popular films more often, with the same power law as the prefill. */
export const popularFilm = (random: SeededRandom, filmIds: readonly string[]): string =>
  filmIds[Math.floor(filmIds.length * random.next() ** 2.5)]!;

function pickMark(random: SeededRandom): Mark {
  let roll = random.next();
  for (const [mark, share] of MARK_MIX) {
    roll -= share;
    if (roll < 0) return mark;
  }
  return 'check';
}

/** A day in the last five years, never today (today differs by time zone). */
export const watchedOn = (random: SeededRandom): string =>
  new Date(Date.now() - random.int(1, 5 * 365) * DAY_MS).toISOString().slice(0, 10);

const watchedOnBody = (random: SeededRandom): string => JSON.stringify({ watchedOn: watchedOn(random) });

const toFigures = (result: autocannon.Result): LoadFigures => ({
  connections: result.connections,
  seconds: result.duration,
  requests: result.requests.total,
  requestsPerSecond: result.requests.total / result.duration,
  p50Ms: result.latency.p50,
  p90Ms: result.latency.p90,
  p99Ms: result.latency.p99,
  maxMs: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors,
  statusCodes: Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  ),
});

export async function drive(
  app: RunningApp,
  connections: number,
  seconds: number,
  setupRequest: (request: autocannon.Request, context: Record<string, unknown>) => autocannon.Request,
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void,
): Promise<LoadFigures> {
  const result = await autocannon({
    url: app.baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: setupRequest as (request: autocannon.Request, context: object) => autocannon.Request,
        ...(onResponse
          ? { onResponse: onResponse as (status: number, body: string, context: object) => void }
          : {}),
      },
    ],
  });
  return toFigures(result);
}

/** One film-log write: its method, the mark's path segment, and a JSON body or none. */
interface Tap {
  readonly put: boolean;
  readonly mark: string;
  readonly body: string | null;
}

/**
 * Writes by a random load member on a film (popular ones more often), each chosen by `tapOf` from
 * what the generator knows of the pair: from the start and from every answer since.
 */
function driveTaps(
  app: RunningApp,
  members: readonly LoadMember[],
  filmIds: readonly string[],
  known: KnownMarks,
  options: { readonly connections: number; readonly seconds: number; readonly seed: number },
  tapOf: (random: SeededRandom, state: FilmLogState) => Tap,
): Promise<LoadFigures> {
  const random = new SeededRandom(options.seed);
  return drive(
    app,
    options.connections,
    options.seconds,
    (request, context) => {
      const member = random.pick(members);
      const filmId = popularFilm(random, filmIds);
      const { put, mark, body } = tapOf(random, known.get(member.id, filmId));
      context['pair'] = { memberId: member.id, filmId };
      return {
        ...request,
        method: put ? 'PUT' : 'DELETE',
        path: `/api/v1/films/${filmId}/${mark}`,
        headers: {
          ...request.headers,
          authorization: `Bearer ${member.token}`,
          ...(body === null ? {} : { 'content-type': 'application/json' }),
        },
        body: body ?? '',
      };
    },
    (status, body, context) => {
      const pair = context['pair'] as { memberId: string; filmId: string };
      if (status === 200) known.set(pair.memberId, pair.filmId, (JSON.parse(body) as FilmLogResult).state);
    },
  );
}

/**
 * Taps as a member's screen makes them: a mark, put up when the member does not hold it and taken
 * back when they do (a checked film gets a new watch date now and then instead). So nearly every
 * command changes something; two connections on one pair can still cross.
 */
export function driveCommands(
  app: RunningApp,
  members: readonly LoadMember[],
  filmIds: readonly string[],
  known: KnownMarks,
  options: { readonly connections: number; readonly seconds: number; readonly seed: number },
): Promise<LoadFigures> {
  return driveTaps(app, members, filmIds, known, options, (random, state) => {
    const mark = pickMark(random);
    const holds = HOLDS[mark](state);
    const newDate = mark === 'check' && holds && random.chance(0.25);
    const put = !holds || newDate;
    const withBody = put && mark === 'check' && (newDate || random.chance(0.5));
    return { put, mark, body: withBody ? watchedOnBody(random) : null };
  });
}

/**
 * Ratings as members give them: a rating other than the one the generator knows they gave, or
 * now and then the rating taken back. So nearly every write changes something, and the
 * film-stats histogram moves on each.
 */
export function driveRatings(
  app: RunningApp,
  members: readonly LoadMember[],
  filmIds: readonly string[],
  known: KnownMarks,
  options: { readonly connections: number; readonly seconds: number; readonly seed: number },
): Promise<LoadFigures> {
  return driveTaps(app, members, filmIds, known, options, (random, { rating }) => {
    if (rating !== null && random.chance(0.1)) return { put: false, mark: 'rating', body: null };
    const choice = random.pick(RATINGS.filter((stars) => stars !== rating));
    return { put: true, mark: 'rating', body: JSON.stringify({ rating: choice }) };
  });
}

/** GET /films/{id}/stats (counts, percents and the rating histogram), public, without X-Consistent-With. */
export function driveFilmStats(
  app: RunningApp,
  filmIds: readonly string[],
  options: { readonly connections: number; readonly seconds: number; readonly seed: number },
): Promise<LoadFigures> {
  const random = new SeededRandom(options.seed);
  return drive(app, options.connections, options.seconds, (request) => ({
    ...request,
    method: 'GET',
    path: `/api/v1/films/${popularFilm(random, filmIds)}/stats`,
  }));
}

/** GET /me/films/{id}: a random load member's marks on a film, without X-Consistent-With. */
export function driveMemberFilmState(
  app: RunningApp,
  members: readonly LoadMember[],
  filmIds: readonly string[],
  options: { readonly connections: number; readonly seconds: number; readonly seed: number },
): Promise<LoadFigures> {
  const random = new SeededRandom(options.seed);
  return drive(app, options.connections, options.seconds, (request) => ({
    ...request,
    method: 'GET',
    path: `/api/v1/me/films/${popularFilm(random, filmIds)}`,
    headers: { ...request.headers, authorization: `Bearer ${random.pick(members).token}` },
  }));
}
