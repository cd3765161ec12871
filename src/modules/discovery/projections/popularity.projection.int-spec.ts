import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { ProjectionSite, seededPick, testEvent, type Write } from '#testing';
import { filmLogStream, type FilmLogEvent } from '../../film-log/domain/film-log.events.js';
import { popularityProjection } from './popularity.projection.js';

const at = (day: string, type: FilmLogEvent['type'], data: object = {}): NewEvent =>
  testEvent(type, { ...data }, { occurredAt: `${day}T12:00:00.000Z` });

const TOGGLES: readonly (readonly [kind: string, on: FilmLogEvent['type'], off: FilmLogEvent['type']])[] = [
  ['check', 'FilmChecked', 'FilmUnchecked'],
  ['favourite', 'FilmFavourited', 'FilmUnfavourited'],
  ['watchlist', 'FilmAddedToWatchlist', 'FilmRemovedFromWatchlist'],
  ['dislike', 'FilmDisliked', 'FilmUndisliked'],
];

const dayAfter = (start: string, days: number): string =>
  new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Members toggling marks on films over 60 days, each event one the decider could have emitted
 * (a mark only when it is not there, and back), with the days and totals a recount of the marks
 * standing at the end gives. Dislikes are in the history and in no count.
 */
function randomHistory(seed: number, events: number) {
  const pick = seededPick(seed);
  const members = Array.from({ length: 6 }, () => randomUUID());
  const films = Array.from({ length: 5 }, () => randomUUID());
  const standing = new Map<string, { filmId: string; kind: string; day: string }>();
  const writes: Write[] = [];
  for (let tick = 0; tick < events; tick += 1) {
    const [userId, filmId] = [members[pick(members.length)]!, films[pick(films.length)]!];
    const [kind, on, off] = TOGGLES[pick(TOGGLES.length)]!;
    const day = dayAfter('2026-01-01', Math.floor(tick / 8));
    const key = `${userId}.${filmId}.${kind}`;
    const marking = !standing.has(key);
    if (marking) standing.set(key, { filmId, kind, day });
    else standing.delete(key);
    writes.push([
      filmLogStream(userId, filmId),
      [at(day, marking ? on : off, on === 'FilmChecked' ? { watchedOn: null } : {})],
    ]);
  }
  const counted = [...standing.values()].filter(({ kind }) => kind !== 'dislike');
  const days = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const { filmId, day } of counted) {
    days.set(`${day}|${filmId}`, (days.get(`${day}|${filmId}`) ?? 0) + 1);
    totals.set(filmId, (totals.get(filmId) ?? 0) + 1);
  }
  return {
    films,
    writes,
    days: [...days].map(([key, marks]) => ({ day: key.split('|')[0], film_id: key.split('|')[1], marks })),
    totals: [...totals].map(([film_id, marks]) => ({ film_id, marks })),
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
  const totalsOf = async (films: readonly string[]) =>
    byKey(
      await site.rows(`SELECT film_id, marks FROM film_popularity WHERE film_id = ANY($1::uuid[])`, [films]),
    );

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
    expect(await totalsOf([film])).toEqual([{ film_id: film, marks: 3 }]);

    // Ten days on, the check of 1 March is taken back: 1 March loses it, 10 March gains nothing.
    await site.project([[filmLogStream(ann, film), [at('2026-03-10', 'FilmUnchecked')]]]);
    expect(await daysOf([film])).toEqual([{ day: '2026-03-05', film_id: film, marks: 2 }]);
    expect(await totalsOf([film])).toEqual([{ film_id: film, marks: 2 }]);

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

  it.each([1, 7, 1000])(
    'agrees with a recount of a random history in batches of %i, and again after a rebuild',
    async (batchSize) => {
      const history = randomHistory(batchSize, 400);
      await site.project(history.writes, { batchSize });
      expect(await daysOf(history.films)).toEqual(byKey(history.days));
      expect(await totalsOf(history.films)).toEqual(byKey(history.totals));
      expect(history.totals.length).toBeGreaterThan(0);

      await site.project([], { rebuild: true });
      expect(await daysOf(history.films)).toEqual(byKey(history.days));
      expect(await totalsOf(history.films)).toEqual(byKey(history.totals));
    },
  );
});
