import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { ProjectionSite, seededPick, testEvent, type Write } from '#testing';
import { filmLogStream, type FilmLogEvent } from '../../film-log/domain/film-log.events.js';
import { MEMBER_ERASED } from '../../../platform/personal-data/personal-text-rules.js';
import { addDays } from '../domain/popularity-period.js';
import { popularityProjection } from './popularity.projection.js';

const at = (day: string, type: FilmLogEvent['type'], data: object = {}): NewEvent =>
  testEvent(type, { ...data }, { occurredAt: `${day}T12:00:00.000Z` });

const TOGGLES: readonly (readonly [kind: string, on: FilmLogEvent['type'], off: FilmLogEvent['type']])[] = [
  ['check', 'FilmChecked', 'FilmUnchecked'],
  ['favourite', 'FilmFavourited', 'FilmUnfavourited'],
  ['watchlist', 'FilmAddedToWatchlist', 'FilmRemovedFromWatchlist'],
  ['dislike', 'FilmDisliked', 'FilmUndisliked'],
];

/**
 * Members toggling marks on films over 50 days from `start`, each event one the decider could have
 * emitted (a mark only when it is not there, and back), with the days, totals and windows a recount
 * of the marks standing at the end gives. Dislikes are in the history and in no count.
 */
function randomHistory(seed: number, events: number, start: string) {
  const pick = seededPick(seed);
  const members = Array.from({ length: 6 }, () => randomUUID());
  const films = Array.from({ length: 5 }, () => randomUUID());
  const standing = new Map<string, { filmId: string; kind: string; day: string }>();
  let asOf = start;
  const writes: Write[] = [];
  for (let tick = 0; tick < events; tick += 1) {
    const [userId, filmId] = [members[pick(members.length)]!, films[pick(films.length)]!];
    const [kind, on, off] = TOGGLES[pick(TOGGLES.length)]!;
    const day = addDays(start, Math.floor(tick / 8));
    const key = `${userId}.${filmId}.${kind}`;
    const marking = !standing.has(key);
    if (marking) standing.set(key, { filmId, kind, day });
    else standing.delete(key);
    if (kind !== 'dislike' && day > asOf) asOf = day;
    const data = on === 'FilmChecked' ? { watchedOn: null } : {};
    writes.push([filmLogStream(userId, filmId), [at(day, marking ? on : off, data)]]);
  }
  const days = new Map<string, number>();
  const totals = new Map<
    string,
    { marks: number; today_marks: number; week_marks: number; month_marks: number }
  >();
  for (const { filmId, kind, day } of standing.values()) {
    if (kind === 'dislike') continue;
    days.set(`${day}|${filmId}`, (days.get(`${day}|${filmId}`) ?? 0) + 1);
    const total = totals.get(filmId) ?? { marks: 0, today_marks: 0, week_marks: 0, month_marks: 0 };
    total.marks += 1;
    if (day === asOf) total.today_marks += 1;
    if (day >= addDays(asOf, -6)) total.week_marks += 1;
    if (day >= addDays(asOf, -29)) total.month_marks += 1;
    totals.set(filmId, total);
  }
  return {
    films,
    writes,
    asOf,
    days: [...days].map(([key, marks]) => ({ day: key.split('|')[0], film_id: key.split('|')[1], marks })),
    totals: [...totals].map(([film_id, total]) => ({ film_id, ...total })),
  };
}

const byKey = <Row extends Record<string, unknown>>(rows: Row[]): Row[] =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('popularity projection', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open([popularityProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const daysOf = async (films: readonly string[]) =>
    byKey(
      await site.rows(
        `SELECT day::text, film_id, marks FROM film_popularity_days WHERE film_id = ANY($1::uuid[])`,
        [films],
      ),
    );
  /** Each film's totals and windows (of the days the clock ends on: these tests move it forward only). */
  const totalsOf = async (films: readonly string[]) =>
    byKey(
      await site.rows(
        `SELECT film_id, marks, today_marks, week_marks, month_marks FROM film_popularity
          WHERE film_id = ANY($1::uuid[])`,
        [films],
      ),
    );
  const marksOf = async (films: readonly string[]) => (await totalsOf(films)).map((row) => row.marks);
  const clock = async () =>
    (await site.rows<{ as_of: string }>(`SELECT as_of::text FROM popularity_clock`))[0]?.as_of;
  const windowsOf = async (film: string) => {
    const [row] = await totalsOf([film]);
    return row && { marks: row.marks, today: row.today_marks, week: row.week_marks, month: row.month_marks };
  };

  it('counts a standing mark on the day it was made; taking it back takes it from that day', async () => {
    const [ann, bob, film] = [randomUUID(), randomUUID(), randomUUID()];
    await site.project([
      [filmLogStream(ann, film), [at('2026-03-01', 'FilmChecked', { watchedOn: null })]],
      [filmLogStream(ann, film), [at('2026-03-05', 'FilmFavourited'), at('2026-03-05', 'FilmDisliked')]],
      [filmLogStream(bob, film), [at('2026-03-05', 'FilmAddedToWatchlist')]],
    ]);
    expect(await daysOf([film])).toEqual([
      { day: '2026-03-01', film_id: film, marks: 1 },
      { day: '2026-03-05', film_id: film, marks: 2 },
    ]);
    expect(await marksOf([film])).toEqual([3]);

    // Ten days on, the check of 1 March is taken back: 1 March loses it, 10 March gains nothing.
    await site.project([[filmLogStream(ann, film), [at('2026-03-10', 'FilmUnchecked')]]]);
    expect(await daysOf([film])).toEqual([{ day: '2026-03-05', film_id: film, marks: 2 }]);
    expect(await marksOf([film])).toEqual([2]);

    // Marked again later, it counts on its new day.
    await site.project([[filmLogStream(ann, film), [at('2026-03-12', 'FilmChecked', { watchedOn: null })]]]);
    expect(await daysOf([film])).toEqual([
      { day: '2026-03-05', film_id: film, marks: 2 },
      { day: '2026-03-12', film_id: film, marks: 1 },
    ]);

    await site.project([
      [filmLogStream(ann, film), [at('2026-03-13', 'FilmUnchecked'), at('2026-03-13', 'FilmUnfavourited')]],
      [filmLogStream(bob, film), [at('2026-03-13', 'FilmRemovedFromWatchlist')]],
    ]);
    expect(await daysOf([film])).toEqual([]);
    expect(await totalsOf([film])).toEqual([]);
  });

  it('moves a standing mark taken back and made again within one batch to its new day', async () => {
    const [ann, film] = [randomUUID(), randomUUID()];
    await site.project([[filmLogStream(ann, film), [at('2026-04-01', 'FilmChecked', { watchedOn: null })]]]);
    await site.project([
      [
        filmLogStream(ann, film),
        [at('2026-04-03', 'FilmUnchecked'), at('2026-04-04', 'FilmChecked', { watchedOn: null })],
      ],
    ]);
    expect(await daysOf([film])).toEqual([{ day: '2026-04-04', film_id: film, marks: 1 }]);
    expect(await marksOf([film])).toEqual([1]);
  });

  it('nets a mark made and taken back within one batch to nothing', async () => {
    const [ann, film] = [randomUUID(), randomUUID()];
    await site.project([
      [
        filmLogStream(ann, film),
        [at('2026-04-01', 'FilmAddedToWatchlist'), at('2026-04-02', 'FilmRemovedFromWatchlist')],
      ],
    ]);
    expect(site.batches.get('popularity')).toHaveLength(1);
    expect(await daysOf([film])).toEqual([]);
    expect(await totalsOf([film])).toEqual([]);
  });

  it('moves the windows on with the clock: a later day sheds the days that fell out, an undo takes from each', async () => {
    const [ann, bob, cy, film] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await site.project([
      [filmLogStream(ann, film), [at('2027-05-01', 'FilmChecked', { watchedOn: null })]],
      [filmLogStream(bob, film), [at('2027-05-20', 'FilmFavourited')]],
    ]);
    expect(await clock()).toBe('2027-05-20');
    expect(await windowsOf(film)).toEqual({ marks: 2, today: 1, week: 1, month: 2 });

    await site.project([[filmLogStream(cy, film), [at('2027-05-27', 'FilmAddedToWatchlist')]]]);
    expect(await clock()).toBe('2027-05-27');
    // The week is now 21–27 May: bob's favourite of the 20th has left it; the month holds all three.
    expect(await windowsOf(film)).toEqual({ marks: 3, today: 1, week: 1, month: 3 });

    await site.project([[filmLogStream(bob, film), [at('2027-05-28', 'FilmUnfavourited')]]]);
    expect(await clock()).toBe('2027-05-28');
    expect(await windowsOf(film)).toEqual({ marks: 2, today: 0, week: 1, month: 2 });

    // A mark of an earlier day (an import) counts in the windows that hold that day only.
    await site.project([[filmLogStream(bob, film), [at('2027-05-10', 'FilmAddedToWatchlist')]]]);
    expect(await clock()).toBe('2027-05-28');
    expect(await windowsOf(film)).toEqual({ marks: 3, today: 0, week: 1, month: 3 });

    // Months later, every window is empty and the total stands.
    const elsewhere = filmLogStream(randomUUID(), randomUUID());
    await site.project([[elsewhere, [at('2027-09-01', 'FilmChecked', { watchedOn: null })]]]);
    expect(await windowsOf(film)).toEqual({ marks: 3, today: 0, week: 0, month: 0 });
  });

  // Each run's days come after every earlier test's, so the clock ends on its own last day.
  it.each([
    [1, '2028-01-01'],
    [7, '2028-04-01'],
    [1000, '2028-07-01'],
  ])(
    'agrees with a recount of a random history in batches of %i, and again after a rebuild',
    async (batchSize, start) => {
      const history = randomHistory(batchSize, 400, start);
      await site.project(history.writes, { batchSize });
      expect(await daysOf(history.films)).toEqual(byKey(history.days));
      expect(await clock()).toBe(history.asOf);
      expect(await totalsOf(history.films)).toEqual(byKey(history.totals));
      expect(history.totals.some((total) => total.week_marks > 0 && total.week_marks < total.marks)).toBe(
        true,
      );

      await site.project([], { rebuild: true });
      expect(await daysOf(history.films)).toEqual(byKey(history.days));
      expect(await clock()).toBe(history.asOf);
      expect(await totalsOf(history.films)).toEqual(byKey(history.totals));
    },
  );

  it("keeps an erased member's marks as counts, also after a rebuild, and forgets which were theirs", async () => {
    const [member, other] = [randomUUID(), randomUUID()];
    const films = [randomUUID(), randomUUID()];
    const day = '2029-01-10';
    const checked = at(day, 'FilmChecked', { watchedOn: null });
    await site.project([
      [filmLogStream(member, films[0]!), [checked]],
      [filmLogStream(member, films[1]!), [at(day, 'FilmAddedToWatchlist')]],
      [filmLogStream(other, films[0]!), [at(day, 'FilmChecked', { watchedOn: null })]],
      [`member-${member}`, [testEvent(MEMBER_ERASED, {})]],
    ]);
    const counted = byKey([
      { film_id: films[0], marks: 2, today_marks: 2, week_marks: 2, month_marks: 2 },
      { film_id: films[1], marks: 1, today_marks: 1, week_marks: 1, month_marks: 1 },
    ]);
    const theirs = () => site.rows(`SELECT film_id FROM popularity_marks WHERE user_id = $1`, [member]);
    const erased = () =>
      site.rows(
        `SELECT day::text, film_id, marks FROM popularity_erased_days WHERE film_id = ANY($1::uuid[])`,
        [films],
      );

    expect(await totalsOf(films)).toEqual(counted);
    expect(await theirs()).toEqual([]);
    const erasedCounts = byKey([
      { day, film_id: films[0], marks: 1 },
      { day, film_id: films[1], marks: 1 },
    ]);
    expect(byKey(await erased())).toEqual(erasedCounts);

    await site.project([], { rebuild: true });
    expect(await totalsOf(films)).toEqual(counted);
    expect(await daysOf(films)).toEqual(
      byKey([
        { day, film_id: films[0], marks: 2 },
        { day, film_id: films[1], marks: 1 },
      ]),
    );
    expect(await theirs()).toEqual([]);
    expect(byKey(await erased())).toEqual(erasedCounts);
  });
});
