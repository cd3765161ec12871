import { given } from '#decider';
import { filmLogDecider, type ImportFilmLog } from './film-log.decider.js';
import { type FilmLogEvent } from './film-log.events.js';
import {
  e,
  checked,
  favourited,
  disliked,
  watchlisted,
  rated,
  viewing,
  played,
  histories,
  stateOf,
} from '../testing/decider-fixtures.js';

describe('film log decider: imports', () => {
  describe('import', () => {
    const T1 = '2019-06-01T12:00:00.000Z';
    const T2 = '2020-02-02T12:00:00.000Z';
    const stamped = (event: FilmLogEvent, occurredAt: string): FilmLogEvent => ({ ...event, occurredAt });
    const nothing: Omit<ImportFilmLog, 'type'> = {
      checked: null,
      favourite: null,
      disliked: null,
      watchlisted: null,
    };
    const imported = (marks: Partial<Omit<ImportFilmLog, 'type'>>): ImportFilmLog => ({
      type: 'ImportFilmLog',
      ...nothing,
      ...marks,
    });

    it('checks an untouched film with the viewing date, stamped with its own time', () =>
      given(filmLogDecider)
        .when(imported({ checked: { at: T1, watchedOn: '2019-06-01' } }))
        .then([stamped(checked('2019-06-01'), T1)]));

    it('says nothing, changes nothing', () => {
      for (const history of Object.values(histories))
        given(filmLogDecider, history).when(imported({})).then([]);
    });

    it('gives a checked film without a date the imported one, and keeps a date the member set', () => {
      given(filmLogDecider, [checked()])
        .when(imported({ checked: { at: T1, watchedOn: '2019-06-01' } }))
        .then([stamped(e('FilmWatchDateChanged', { watchedOn: '2019-06-01' }), T1)]);
      given(filmLogDecider, [checked('2024-05-01')])
        .when(imported({ checked: { at: T1, watchedOn: '2019-06-01' } }))
        .then([]);
      given(filmLogDecider, [checked()])
        .when(imported({ checked: { at: T1, watchedOn: null } }))
        .then([]);
    });

    it('takes a watchlisted film it checks off the watchlist, at the time of the check', () =>
      given(filmLogDecider, [watchlisted])
        .when(imported({ checked: { at: T1, watchedOn: null } }))
        .then([stamped(checked(), T1), stamped(e('FilmRemovedFromWatchlist'), T1)]));

    it('checks before it favourites, each at its own time; a favourite alone checks without a date', () => {
      given(filmLogDecider)
        .when(imported({ checked: { at: T1, watchedOn: '2019-06-01' }, favourite: { at: T2 } }))
        .then([stamped(checked('2019-06-01'), T1), stamped(favourited, T2)]);
      given(filmLogDecider)
        .when(imported({ favourite: { at: T2 } }))
        .then([stamped(checked(), T2), stamped(favourited, T2)]);
      given(filmLogDecider)
        .when(imported({ disliked: { at: T2 } }))
        .then([stamped(checked(), T2), stamped(disliked, T2)]);
    });

    it('leaves a mark that contradicts the member’s own to them', () => {
      given(filmLogDecider, [checked(), disliked])
        .when(imported({ favourite: { at: T1 } }))
        .then([]);
      given(filmLogDecider, [checked(), favourited])
        .when(imported({ disliked: { at: T1 } }))
        .then([]);
      // Both in one export: the favourite comes first and wins.
      given(filmLogDecider)
        .when(imported({ favourite: { at: T1 }, disliked: { at: T2 } }))
        .then([stamped(checked(), T1), stamped(favourited, T1)]);
    });

    it('does not put a seen film on the watchlist', () => {
      given(filmLogDecider, [checked()])
        .when(imported({ watchlisted: { at: T1 } }))
        .then([]);
      given(filmLogDecider)
        .when(imported({ checked: { at: T1, watchedOn: null }, watchlisted: { at: T2 } }))
        .then([stamped(checked(), T1)]);
      given(filmLogDecider)
        .when(imported({ watchlisted: { at: T2 } }))
        .then([stamped(watchlisted, T2)]);
    });

    it('rates a film the member has not rated, checking it first, and leaves their own rating alone', () => {
      given(filmLogDecider)
        .when(imported({ rated: { at: T2, rating: 4.5 } }))
        .then([stamped(checked(), T2), stamped(rated(4.5), T2)]);
      given(filmLogDecider, [checked('2019-06-01')])
        .when(imported({ checked: { at: T1, watchedOn: '2019-06-01' }, rated: { at: T2, rating: 2 } }))
        .then([stamped(rated(2), T2)]);
      given(filmLogDecider, [checked(), rated(3)])
        .when(imported({ rated: { at: T2, rating: 4.5 } }))
        .then([]);
    });

    it('adds the diary rows the member lacks, by day, without touching their own rating', () => {
      const rows = [
        { ...viewing('i1', '2019-06-01', false, 2), at: T1 },
        { ...viewing('i2', '2020-02-02', true, 4), at: T2 },
        { ...viewing('i3', '2020-02-02', true, null), at: T2 },
      ];
      const command = imported({ checked: { at: T1, watchedOn: '2019-06-01' }, viewings: rows });
      const own = played([{ type: 'LogViewing', viewing: viewing('mine', '2020-02-02', true, 5) }]);
      const added = filmLogDecider.decide(command, stateOf(own));
      expect(added.filter((event) => event.type === 'ViewingLogged').map((event) => event.data)).toEqual([
        viewing('i1', '2019-06-01', false, 2),
        viewing('i3', '2020-02-02', true, null),
      ]);
      expect(added.map((event) => event.type)).not.toContain('FilmRated');
      const after = stateOf([...own, ...added]);
      expect(after).toMatchObject({ watchedOn: '2019-06-01', rating: 5, viewings: 3 });
      expect(filmLogDecider.decide(command, after)).toEqual([]);
      const fromNothing = filmLogDecider.decide(command, stateOf([]));
      expect(fromNothing.filter((event) => event.type === 'ViewingLogged')).toHaveLength(3);
      expect(stateOf(fromNothing).viewings).toBe(3);
    });

    it('never takes a mark away, and the same import again changes nothing, from every state', () => {
      const everything = imported({
        checked: { at: T1, watchedOn: '2019-06-01' },
        favourite: { at: T2 },
        disliked: { at: T2 },
        watchlisted: { at: T1 },
      });
      const variants = [
        everything,
        imported({ rated: { at: T2, rating: 0.5 } }),
        imported({ watchlisted: { at: T1 } }),
        imported({ disliked: { at: T2 } }),
        imported({ checked: { at: T1, watchedOn: null } }),
      ];
      for (const history of Object.values(histories))
        for (const command of variants) {
          const before = stateOf(history);
          const events = filmLogDecider.decide(command, before);
          const after = stateOf([...history, ...events]);
          expect(events.every((event) => event.occurredAt === T1 || event.occurredAt === T2)).toBe(true);
          expect(events.map((event) => event.type)).not.toEqual(
            expect.arrayContaining(['FilmUnchecked', 'FilmUnfavourited', 'FilmUndisliked']),
          );
          for (const kept of ['checked', 'favourite', 'disliked'] as const)
            expect(!before[kept] || after[kept]).toBe(true);
          expect(before.watchlisted && !after.watchlisted).toBe(
            !before.checked && after.checked && before.watchlisted,
          );
          expect(filmLogDecider.decide(command, after)).toEqual([]);
        }
    });
  });
});
