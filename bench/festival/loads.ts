import type autocannon from 'autocannon';
import pg from 'pg';
import { SeededRandom } from '../../src/common/seeded-random.js';
import type { FilmLogResult } from '../../src/modules/film-log/film-log.response.js';
import type { RunningApp } from '../catalogue/search-load.js';
import { drive, type LoadFigures } from '../film-log/http-load.js';
import type { Reader } from '../social/members.js';
import { popularScreening } from './plans.js';
import type { BenchEdition } from './programme.js';

export interface LoadTiming {
  readonly connections: number;
  /** 0 in the rounds after the first. */
  readonly warmUpSeconds: number;
  readonly seconds: number;
  /** Which round of the loads, from 0: each draws its own requests. */
  readonly round: number;
}

export interface WriteFigures {
  readonly load: LoadFigures;
  /** Answered 200. */
  readonly puts: number;
  readonly deletes: number;
  /** Events the measured load appended, of the kind the command writes. */
  readonly events: number;
  readonly eventsPerSecond: number;
}

/** A reader and the path it asks for. */
export interface ReadTarget {
  readonly path: string;
  readonly token?: string;
}

/** What a write request is about: the member's set it changes, the film or screening, PUT or DELETE. */
interface Item {
  readonly set: Set<string>;
  readonly id: string;
  readonly put: boolean;
}

const count = (counted: { puts: number; deletes: number }, item: Item): void => {
  if (item.put) counted.puts += 1;
  else counted.deletes += 1;
};

type Setup = (request: autocannon.Request, context: Record<string, unknown>) => autocannon.Request;
type OnResponse = (status: number, body: string, context: Record<string, unknown>) => void;

/** Popular films more often, with the film-log bench's power law. */
const popularFilm = (random: SeededRandom, filmIds: readonly string[]): string =>
  filmIds[Math.floor(filmIds.length * random.next() ** 2.5)]!;

/**
 * Load members a request may take: none that another request in flight holds, so no two
 * connections write one member's stream at once (each member's screen sends one command at a
 * time) and the figures hold no retries on a version conflict of the bench's making.
 */
class MemberTurns {
  private readonly busy = new Set<number>();

  constructor(
    private readonly members: readonly Reader[],
    private readonly random: SeededRandom,
  ) {}

  take(context: Record<string, unknown>): Reader {
    // A request cut by an error never answers: forget every turn rather than wait for it.
    if (this.busy.size >= this.members.length) this.busy.clear();
    let index = Math.floor(this.random.next() * this.members.length);
    while (this.busy.has(index)) index = (index + 1) % this.members.length;
    this.busy.add(index);
    context['member'] = index;
    return this.members[index]!;
  }

  give(context: Record<string, unknown>): void {
    this.busy.delete(context['member'] as number);
  }
}

/**
 * The bench's own connection for the whole load phase, opened before it: the server is shared, and
 * a connection asked for between two loads may find no slot left.
 */
export async function openBenchConnection(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'filmlog-bench-monitor' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function lastPosition(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ last: string }>(
    'SELECT coalesce(max(global_position), 0)::text AS last FROM events',
  );
  return rows[0]!.last;
}

async function eventsSince(db: pg.Client, position: string, types: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ events: number }>(
    'SELECT count(*)::int AS events FROM events WHERE global_position > $1::bigint AND type = ANY($2::text[])',
    [position, types],
  );
  return rows[0]!.events;
}

/** A warm-up (discarded), then the measured load, counting the PUTs, DELETEs and events it made. */
async function driveWrites(
  app: RunningApp,
  db: pg.Client,
  timing: LoadTiming,
  eventTypes: readonly string[],
  setup: (counted: { puts: number; deletes: number }) => { setup: Setup; onResponse: OnResponse },
): Promise<WriteFigures> {
  if (timing.warmUpSeconds > 0) {
    const warm = setup({ puts: 0, deletes: 0 });
    await drive(app, timing.connections, timing.warmUpSeconds, warm.setup, warm.onResponse);
  }
  const counted = { puts: 0, deletes: 0 };
  const measured = setup(counted);
  const before = await lastPosition(db);
  const load = await drive(app, timing.connections, timing.seconds, measured.setup, measured.onResponse);
  const events = await eventsSince(db, before, eventTypes);
  return { load, ...counted, events, eventsPerSecond: events / load.seconds };
}

/** The films each load member has favourited, from user_film_state (the read model is caught up). */
export async function knownFavourites(
  db: pg.Client,
  members: readonly Reader[],
): Promise<Map<string, Set<string>>> {
  const favourites = new Map(members.map((member) => [member.id, new Set<string>()]));
  const { rows } = await db.query<{ user_id: string; film_id: string }>(
    'SELECT user_id, film_id FROM user_film_state WHERE favourite AND user_id = ANY($1::uuid[])',
    [members.map((member) => member.id)],
  );
  for (const row of rows) favourites.get(row.user_id)!.add(row.film_id);
  return favourites;
}

/**
 * The film-log reference, made like the plan writes: half the time a film the member has not
 * favourited is favourited (PUT /films/{id}/favourite, popular films more often; it checks the
 * film too when it was not), half the time one of their favourites is taken back (DELETE; a PUT
 * when they have none), as far as the generator knows (user_film_state before, then each answer).
 */
export function driveFavourites(
  app: RunningApp,
  db: pg.Client,
  members: readonly Reader[],
  filmIds: readonly string[],
  known: ReadonlyMap<string, Set<string>>,
  timing: LoadTiming,
  eventTypes: readonly string[],
): Promise<WriteFigures> {
  const random = new SeededRandom(17 + 100 * timing.round);
  return driveWrites(app, db, timing, eventTypes, (counted) => {
    const turns = new MemberTurns(members, random);
    return {
      setup: (request, context) => {
        const member = turns.take(context);
        const favourites = known.get(member.id)!;
        const put = favourites.size === 0 || random.chance(0.5);
        let filmId: string;
        if (put) {
          do filmId = popularFilm(random, filmIds);
          while (favourites.has(filmId));
        } else {
          filmId = random.pick([...favourites]);
        }
        context['item'] = { set: favourites, id: filmId, put };
        return {
          ...request,
          method: put ? 'PUT' : 'DELETE',
          path: `/api/v1/films/${filmId}/favourite`,
          headers: { ...request.headers, authorization: `Bearer ${member.token}` },
          body: '',
        };
      },
      onResponse: (status, body, context) => {
        turns.give(context);
        const item = context['item'] as Item;
        if (status !== 200) return;
        count(counted, item);
        if ((JSON.parse(body) as FilmLogResult).state.favourite) item.set.add(item.id);
        else item.set.delete(item.id);
      },
    };
  });
}

/**
 * Plan writes as a member's screen makes them: half the time a screening not in the plan is added
 * (PUT, popular screenings more often), half the time one of the plan is taken out (DELETE; a PUT
 * when the plan is empty), so every command changes the plan and plans keep their size.
 */
export function drivePlanWrites(
  app: RunningApp,
  db: pg.Client,
  edition: BenchEdition,
  members: readonly Reader[],
  known: ReadonlyMap<string, Set<string>>,
  timing: LoadTiming,
  eventTypes: readonly string[],
): Promise<WriteFigures> {
  const random = new SeededRandom(19 + 100 * timing.round);
  const base = `/api/v1/me/festivals/${edition.festival}/${edition.year}/plan`;
  return driveWrites(app, db, timing, eventTypes, (counted) => {
    const turns = new MemberTurns(members, random);
    return {
      setup: (request, context) => {
        const member = turns.take(context);
        const plan = known.get(member.id)!;
        const put = plan.size === 0 || random.chance(0.5);
        let screeningId: string;
        if (put) {
          do screeningId = popularScreening(random, edition);
          while (plan.has(screeningId));
        } else {
          screeningId = random.pick([...plan]);
        }
        context['item'] = { set: plan, id: screeningId, put };
        return {
          ...request,
          method: put ? 'PUT' : 'DELETE',
          path: `${base}/${screeningId}`,
          headers: { ...request.headers, authorization: `Bearer ${member.token}` },
          body: '',
        };
      },
      onResponse: (status, _body, context) => {
        turns.give(context);
        const item = context['item'] as Item;
        if (status !== 200) return;
        count(counted, item);
        if (item.put) item.set.add(item.id);
        else item.set.delete(item.id);
      },
    };
  });
}

/** GETs, each request the next target of the list (so tokens and days rotate); a warm-up first. */
export async function driveReads(
  app: RunningApp,
  targets: readonly ReadTarget[],
  timing: LoadTiming,
): Promise<LoadFigures> {
  let next = 0;
  const setup: Setup = (request) => {
    const target = targets[next++ % targets.length]!;
    return {
      ...request,
      method: 'GET',
      path: target.path,
      headers: { ...request.headers, ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
    };
  };
  if (timing.warmUpSeconds > 0) await drive(app, timing.connections, timing.warmUpSeconds, setup);
  return drive(app, timing.connections, timing.seconds, setup);
}

/** GET /films/{id}/stats, public, popular films more often: the film-log read of reference. */
export function filmStatsTargets(filmIds: readonly string[], count: number, round: number): ReadTarget[] {
  const random = new SeededRandom(23 + 100 * round);
  return Array.from({ length: count }, () => ({
    path: `/api/v1/films/${popularFilm(random, filmIds)}/stats`,
  }));
}

export const editionTargets = (edition: BenchEdition): ReadTarget[] => [
  { path: `/api/v1/festivals/${edition.festival}/${edition.year}` },
];

export const dayTargets = (edition: BenchEdition): ReadTarget[] =>
  edition.days.map((day) => ({
    path: `/api/v1/festivals/${edition.festival}/${edition.year}/screenings?day=${day}`,
  }));

export const planTargets = (edition: BenchEdition, members: readonly Reader[]): ReadTarget[] =>
  members.map((member) => ({
    path: `/api/v1/me/festivals/${edition.festival}/${edition.year}/plan`,
    token: member.token,
  }));
