import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { benchMembers, insertAccounts, type BenchMember } from '../social/members.js';
import type { StatsBenchOptions } from './options.js';

const CHUNK = 10_000;
const DAY_MS = 86_400_000;

export interface StatsDataset {
  readonly member: BenchMember;
  /** The viewing year with the most films: the one the year's measures ask for. */
  readonly busiestYear: number;
  readonly firstYear: number;
  readonly lastYear: number;
  /** The member's rows. */
  readonly checkedFilms: number;
  readonly diaryEntries: number;
  readonly rated: number;
  /** Every member's rows, the measured one's included. */
  readonly userFilmStateRows: number;
  readonly diaryRows: number;
  readonly seconds: number;
}

interface StateRow {
  readonly userId: string;
  readonly filmId: string;
  readonly checkedAt: Date;
  readonly watchedOn: string | null;
  readonly halfStars: number | null;
  readonly favourite: boolean;
}

interface DiaryRow {
  readonly userId: string;
  readonly filmId: string;
  readonly watchedOn: string;
  readonly rewatch: boolean;
  readonly halfStars: number | null;
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Ratings lean high, as members' do: mostly 3 to 4.5 stars. */
const ratingOf = (random: SeededRandom): number | null =>
  random.chance(0.3) ? null : Math.min(10, Math.max(1, random.int(4, 9) + random.int(-2, 1)));

/**
 * One member's film log as the projections leave it: `diaryFilms` films logged in the diary
 * (`diaryEntries` entries in all, the rest rewatches on later days), each checked with its first
 * date, and `plainChecks` films checked without an entry, half of them with no date.
 */
function memberRows(
  member: BenchMember,
  filmIds: readonly string[],
  options: StatsBenchOptions,
  random: SeededRandom,
  span: { readonly from: number; readonly to: number },
) {
  const states: StateRow[] = [];
  const diary: DiaryRow[] = [];
  const randomDay = (from: number): number =>
    from + random.int(0, Math.floor((span.to - from) / DAY_MS)) * DAY_MS;
  const diaryFilms = filmIds.slice(0, options.diaryFilms);
  const viewings = new Map(diaryFilms.map((filmId) => [filmId, 1]));
  for (let extra = options.diaryEntries - diaryFilms.length; extra > 0; extra -= 1) {
    const filmId = random.pick(diaryFilms);
    viewings.set(filmId, viewings.get(filmId)! + 1);
  }
  for (const [filmId, count] of viewings) {
    const first = randomDay(span.from);
    const halfStars = ratingOf(random);
    const days = [first, ...Array.from({ length: count - 1 }, () => randomDay(first))].sort((a, b) => a - b);
    days.forEach((day, index) =>
      diary.push({ userId: member.id, filmId, watchedOn: isoDate(day), rewatch: index > 0, halfStars }),
    );
    states.push({
      userId: member.id,
      filmId,
      checkedAt: new Date(first + 20 * 3_600_000),
      watchedOn: isoDate(first),
      halfStars,
      favourite: random.chance(0.05),
    });
  }
  for (const filmId of filmIds.slice(options.diaryFilms, options.diaryFilms + options.plainChecks)) {
    const day = randomDay(span.from);
    states.push({
      userId: member.id,
      filmId,
      checkedAt: new Date(day + 21 * 3_600_000),
      watchedOn: random.chance(0.5) ? isoDate(day) : null,
      halfStars: ratingOf(random),
      favourite: false,
    });
  }
  return { states, diary };
}

/** Another member: `otherFilms` films, each checked and logged once. */
function otherRows(
  member: BenchMember,
  filmIds: readonly string[],
  count: number,
  random: SeededRandom,
  span: { readonly from: number; readonly to: number },
) {
  const states: StateRow[] = [];
  const diary: DiaryRow[] = [];
  for (const filmId of random.sample(filmIds, count)) {
    const day = span.from + random.int(0, Math.floor((span.to - span.from) / DAY_MS)) * DAY_MS;
    const halfStars = ratingOf(random);
    states.push({
      userId: member.id,
      filmId,
      checkedAt: new Date(day),
      watchedOn: isoDate(day),
      halfStars,
      favourite: false,
    });
    diary.push({ userId: member.id, filmId, watchedOn: isoDate(day), rewatch: false, halfStars });
  }
  return { states, diary };
}

async function insertStates(client: pg.Client, rows: readonly StateRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await client.query(
      `INSERT INTO user_film_state (user_id, film_id, checked, checked_at, watched_on, favourite, disliked,
                                    watchlisted, rating_half_stars)
       SELECT user_id, film_id, true, checked_at, watched_on, favourite, false, false, half_stars
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::date[], $5::boolean[], $6::smallint[])
         AS row (user_id, film_id, checked_at, watched_on, favourite, half_stars)`,
      [
        chunk.map((row) => row.userId),
        chunk.map((row) => row.filmId),
        chunk.map((row) => row.checkedAt),
        chunk.map((row) => row.watchedOn),
        chunk.map((row) => row.favourite),
        chunk.map((row) => row.halfStars),
      ],
    );
  }
}

async function insertDiary(client: pg.Client, rows: readonly DiaryRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await client.query(
      `INSERT INTO diary_entries (id, user_id, film_id, watched_on, rewatch, rating_half_stars, logged_at)
       SELECT id, user_id, film_id, watched_on, rewatch, half_stars, watched_on + time '21:00'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::boolean[], $6::smallint[])
         AS row (id, user_id, film_id, watched_on, rewatch, half_stars)`,
      [
        chunk.map(() => randomUUID()),
        chunk.map((row) => row.userId),
        chunk.map((row) => row.filmId),
        chunk.map((row) => row.watchedOn),
        chunk.map((row) => row.rewatch),
        chunk.map((row) => row.halfStars),
      ],
    );
  }
}

/** The year most of the member's films were seen in (by diary date, then first date). */
function busiestYearOf(states: readonly StateRow[], diary: readonly DiaryRow[]): number {
  const films = new Map<number, Set<string>>();
  const seen = (day: string, filmId: string): void => {
    const year = Number(day.slice(0, 4));
    films.set(year, (films.get(year) ?? new Set()).add(filmId));
  };
  for (const row of diary) seen(row.watchedOn, row.filmId);
  for (const row of states) seen(row.watchedOn ?? row.checkedAt.toISOString(), row.filmId);
  return [...films].sort(([, a], [, b]) => b.size - a.size)[0]![0];
}

/**
 * The accounts, then the film-log read models as the projections would have left them, straight
 * with SQL: the member measured and the other members, over the catalogue's films.
 */
export async function fillStatsDataset(
  url: string,
  options: StatsBenchOptions,
  filmIds: readonly string[],
): Promise<StatsDataset> {
  const begin = performance.now();
  const random = new SeededRandom(2_024);
  const [member, ...others] = benchMembers(1 + options.otherMembers);
  await insertAccounts(url, [member!, ...others]);
  const lastYear = new Date().getUTCFullYear() - 1;
  const firstYear = lastYear - options.years + 1;
  const span = { from: Date.UTC(firstYear, 0, 1), to: Date.UTC(lastYear, 11, 31) };
  const shuffled = random.sample(filmIds, options.diaryFilms + options.plainChecks);
  const own = memberRows(member!, shuffled, options, random, span);
  const rest = others.map((other) => otherRows(other, filmIds, options.otherFilms, random, span));
  const states = [...own.states, ...rest.flatMap((rows) => rows.states)];
  const diary = [...own.diary, ...rest.flatMap((rows) => rows.diary)];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await insertStates(client, states);
    await insertDiary(client, diary);
  } finally {
    await client.end();
  }
  return {
    member: member!,
    busiestYear: busiestYearOf(own.states, own.diary),
    firstYear,
    lastYear,
    checkedFilms: own.states.length,
    diaryEntries: own.diary.length,
    rated: own.states.filter((row) => row.halfStars !== null).length,
    userFilmStateRows: states.length,
    diaryRows: diary.length,
    seconds: (performance.now() - begin) / 1_000,
  };
}
