import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { testEvent } from '#testing';
import { randomFilmLogHistory } from '../../../../test/support/film-log-history.js';
import { ProjectionSite } from '../../../../test/support/projection-site.js';
import {
  filmLogDecider,
  filmLogStream,
  type FilmLogCommand,
  type FilmLogEvent,
  type FilmLogState,
} from '../../film-log/domain/film-log.decider.js';
import { activityProjection } from './activity.projection.js';

interface ActivityRow {
  event_id: string;
  actor_id: string;
  film_id: string;
  verb: string;
  occurred_at: Date;
}

const at = (second: number): string => new Date(Date.UTC(2024, 2, 1, 10, 0, second)).toISOString();

const fact = (type: FilmLogEvent['type'], occurredAt: string, data: object = {}): NewEvent =>
  testEvent(type, { ...data }, { occurredAt });

const rowsOf = (site: ProjectionSite, where = 'true', values: unknown[] = []): Promise<ActivityRow[]> =>
  site.rows<ActivityRow>(
    `SELECT event_id, actor_id, film_id, verb, occurred_at FROM activity WHERE ${where}
     ORDER BY actor_id, film_id, verb`,
    values,
  );

const COMMANDS: readonly FilmLogCommand[] = [
  { type: 'CheckFilm' },
  { type: 'CheckFilm', watchedOn: '2008-04-01' },
  { type: 'UncheckFilm' },
  { type: 'FavouriteFilm' },
  { type: 'UnfavouriteFilm' },
  { type: 'DislikeFilm' },
  { type: 'UndislikeFilm' },
  { type: 'AddFilmToWatchlist' },
  { type: 'RemoveFilmFromWatchlist' },
];

/** The rows a stream's history leaves: per mark still standing, the event that last put it up. */
const VERB_OF: Partial<Record<FilmLogEvent['type'], string>> = {
  FilmChecked: 'checked',
  FilmFavourited: 'favourited',
  FilmDisliked: 'disliked',
  FilmAddedToWatchlist: 'watchlisted',
};
const STANDS: Record<string, (state: FilmLogState) => boolean> = {
  checked: (state) => state.checked,
  favourited: (state) => state.favourite,
  disliked: (state) => state.disliked,
  watchlisted: (state) => state.watchlisted,
};

/** A random history (see randomFilmLogHistory) with the activity rows it must leave. */
function randomHistory(members: number, films: number, minEvents: number, seed: number) {
  const history = randomFilmLogHistory({ members, films, minEvents, seed, commands: COMMANDS });
  const rows = history.pairs
    .flatMap(({ userId, filmId, state, events }) => {
      const lastUp = new Map<string, NewEvent>();
      for (const event of events) {
        const verb = VERB_OF[event.type as FilmLogEvent['type']];
        if (verb) lastUp.set(verb, event);
      }
      return [...lastUp]
        .filter(([verb]) => STANDS[verb]!(state))
        .map(([verb, event]) => ({
          event_id: event.metadata.eventId,
          actor_id: userId,
          film_id: filmId,
          verb,
          occurred_at: new Date(event.metadata.occurredAt),
        }));
    })
    .sort((a, b) =>
      `${a.actor_id}.${a.film_id}.${a.verb}`.localeCompare(`${b.actor_id}.${b.film_id}.${b.verb}`),
    );
  return { ...history, rows };
}

describe('activity projection', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open([activityProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const pair = () => {
    const [actorId, filmId] = [randomUUID(), randomUUID()];
    return { actorId, filmId, stream: filmLogStream(actorId, filmId) };
  };

  const marksOf = async (actorId: string, filmId: string) =>
    (await rowsOf(site, 'actor_id = $1 AND film_id = $2', [actorId, filmId])).map((row) => ({
      verb: row.verb,
      eventId: row.event_id,
      occurredAt: row.occurred_at.toISOString(),
    }));

  it('records each mark with the event that made it, and nothing for a new watch date', async () => {
    const { actorId, filmId, stream } = pair();
    const checked = fact('FilmChecked', at(1), { watchedOn: null });
    const favourited = fact('FilmFavourited', at(1));
    await site.project([
      [stream, [checked, favourited]],
      [stream, [fact('FilmWatchDateChanged', at(2), { watchedOn: '2008-04-01' })]],
    ]);
    expect(await marksOf(actorId, filmId)).toEqual([
      { verb: 'checked', eventId: checked.metadata.eventId, occurredAt: at(1) },
      { verb: 'favourited', eventId: favourited.metadata.eventId, occurredAt: at(1) },
    ]);
  });

  it('retracts an unfavourite, and a favourite again shows with its new time', async () => {
    const { actorId, filmId, stream } = pair();
    await site.project([
      [stream, [fact('FilmChecked', at(1), { watchedOn: null }), fact('FilmFavourited', at(1))]],
    ]);
    await site.project([[stream, [fact('FilmUnfavourited', at(2))]]]);
    expect((await marksOf(actorId, filmId)).map((mark) => mark.verb)).toEqual(['checked']);

    const again = fact('FilmFavourited', at(3));
    await site.project([[stream, [again]]]);
    expect(await marksOf(actorId, filmId)).toContainEqual({
      verb: 'favourited',
      eventId: again.metadata.eventId,
      occurredAt: at(3),
    });
  });

  it('keeps the last favourite of put up, taken back and put up again in one batch', async () => {
    const { actorId, filmId, stream } = pair();
    const last = fact('FilmFavourited', at(3));
    const applied = await site.applyAtOnce([
      [
        stream,
        [
          fact('FilmChecked', at(1), { watchedOn: null }),
          fact('FilmFavourited', at(1)),
          fact('FilmUnfavourited', at(2)),
          last,
        ],
      ],
    ]);
    expect(applied).toBe(4);
    expect(await marksOf(actorId, filmId)).toEqual([
      { verb: 'checked', eventId: expect.any(String), occurredAt: at(1) },
      { verb: 'favourited', eventId: last.metadata.eventId, occurredAt: at(3) },
    ]);
  });

  it('leaves nothing after a check and an uncheck, in one batch or in two', async () => {
    const [once, twice] = [pair(), pair()];
    await site.project([
      [once.stream, [fact('FilmChecked', at(1), { watchedOn: null }), fact('FilmUnchecked', at(2))]],
      [twice.stream, [fact('FilmChecked', at(1), { watchedOn: null }), fact('FilmDisliked', at(1))]],
    ]);
    expect(await marksOf(once.actorId, once.filmId)).toEqual([]);
    expect(await marksOf(twice.actorId, twice.filmId)).toHaveLength(2);

    await site.project([[twice.stream, [fact('FilmUndisliked', at(2)), fact('FilmUnchecked', at(2))]]]);
    expect(await marksOf(twice.actorId, twice.filmId)).toEqual([]);
  });

  it('retracts the watchlist entry that a check takes away', async () => {
    const { actorId, filmId, stream } = pair();
    await site.project([[stream, [fact('FilmAddedToWatchlist', at(1))]]]);
    expect((await marksOf(actorId, filmId)).map((mark) => mark.verb)).toEqual(['watchlisted']);

    const [checked, removed] = filmLogDecider.decide(
      { type: 'CheckFilm' },
      { ...filmLogDecider.initialState, watchlisted: true },
    );
    expect(removed!.type).toBe('FilmRemovedFromWatchlist');
    await site.project([[stream, [fact(checked!.type, at(2), checked!.data), fact(removed!.type, at(2))]]]);
    expect((await marksOf(actorId, filmId)).map((mark) => mark.verb)).toEqual(['checked']);
  });

  it('gives the same rows from 2,000 events in one batch as from one batch per event', async () => {
    const history = randomHistory(30, 20, 2_000, 20_240_301);
    await ProjectionSite.withFresh(2, [activityProjection], async (whole, single) => {
      const [applied] = await Promise.all([
        whole.applyAtOnce(history.writes),
        single.project(history.writes, { batchSize: 1 }),
      ]);
      expect(applied).toBe(history.events);
      expect(single.batchSizes('activity')).toHaveLength(history.events);
      expect(await rowsOf(whole)).toEqual(history.rows);
      expect(await rowsOf(single)).toEqual(history.rows);
    });
  }, 120_000);

  it('rebuilds the same rows from the events', async () => {
    const history = randomHistory(15, 10, 1_000, 19_991_231);
    await site.project(history.writes, { batchSize: 50 });
    const before = await rowsOf(site);
    expect(before).toEqual(expect.arrayContaining(history.rows));

    // A spoiled read model, so only a rebuild from the events can give the rows back.
    await site.pool.query(`DELETE FROM activity WHERE verb = 'checked'`);
    await site.pool.query(`UPDATE activity SET occurred_at = now() WHERE verb = 'watchlisted'`);
    await site.project([], { batchSize: 50, rebuild: true });

    expect(await rowsOf(site)).toEqual(before);
  }, 60_000);
});
