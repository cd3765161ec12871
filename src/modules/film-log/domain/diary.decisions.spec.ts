import { given } from '#decider';
import { filmLogDecider, ViewingNotFound } from './film-log.decider.js';
import {
  e,
  checked,
  watchlisted,
  rated,
  viewing,
  logged,
  played,
  stateOf,
} from '../testing/decider-fixtures.js';

describe('film log decider: the diary', () => {
  describe('diary', () => {
    const first = viewing('d1', '2023-03-03', false, 3.5);

    it('a viewing of an unchecked film checks it on that day, without a date of its own', () =>
      given(filmLogDecider, [watchlisted])
        .when({ type: 'LogViewing', viewing: first })
        .then([
          e('FilmChecked', { watchedOn: '2023-03-03', checkDate: null }),
          e('FilmRemovedFromWatchlist'),
          logged(first),
          rated(3.5),
        ]));

    it('an earlier viewing moves the film’s date earlier; a later one does not', () => {
      given(filmLogDecider, [checked('2024-05-01')])
        .when({ type: 'LogViewing', viewing: viewing('d2', '2020-01-01') })
        .then([
          e('FilmWatchDateChanged', { watchedOn: '2020-01-01', checkDate: '2024-05-01' }),
          logged(viewing('d2', '2020-01-01')),
        ]);
      given(filmLogDecider, [checked('2024-05-01')])
        .when({ type: 'LogViewing', viewing: viewing('d2', '2025-01-01', true) })
        .then([logged(viewing('d2', '2025-01-01', true))]);
    });

    it('the same entry again changes nothing', () =>
      given(filmLogDecider, played([{ type: 'LogViewing', viewing: first }]))
        .when({ type: 'LogViewing', viewing: first })
        .then([]));

    it('deleting the earliest viewing gives the film back the check’s own date', () =>
      given(
        filmLogDecider,
        played([
          { type: 'CheckFilm', watchedOn: '2024-05-01' },
          { type: 'LogViewing', viewing: viewing('d2', '2020-01-01') },
        ]),
      )
        .when({ type: 'DeleteViewing', entry: 'd2' })
        .then([
          e('ViewingDeleted', { entry: 'd2' }),
          e('FilmWatchDateChanged', { watchedOn: '2024-05-01' }),
        ]));

    it('a new date for the check keeps the diary’s earlier date for the film', () =>
      given(filmLogDecider, played([{ type: 'LogViewing', viewing: first }]))
        .when({ type: 'CheckFilm', watchedOn: '2024-01-01' })
        .then([e('FilmWatchDateChanged', { watchedOn: '2023-03-03', checkDate: '2024-01-01' })]));

    it('a film with diary entries cannot be unchecked', () =>
      expect(() =>
        filmLogDecider.decide(
          { type: 'UncheckFilm' },
          stateOf(played([{ type: 'LogViewing', viewing: first }])),
        ),
      ).toThrow(expect.objectContaining({ code: 'has-diary-entries' }) as unknown as Error));

    it('changing an entry’s stars rates the film; taking them away leaves the film’s rating', () => {
      const history = played([{ type: 'LogViewing', viewing: first }]);
      given(filmLogDecider, history)
        .when({ type: 'ChangeViewing', entry: 'd1', rating: 5 })
        .then([e('ViewingChanged', { ...first, rating: 5 }), rated(5, 3.5)]);
      given(filmLogDecider, history)
        .when({ type: 'ChangeViewing', entry: 'd1', rating: null, rewatch: true })
        .then([e('ViewingChanged', { ...first, rating: null, rewatch: true })]);
      given(filmLogDecider, history)
        .when({ type: 'ChangeViewing', entry: 'd1', rating: 3.5, watchedOn: '2023-03-03' })
        .then([]);
    });

    it('an unknown entry is not found', () => {
      for (const command of [
        { type: 'ChangeViewing', entry: 'zz', rewatch: true },
        { type: 'DeleteViewing', entry: 'zz' },
      ] as const)
        expect(() => filmLogDecider.decide(command, stateOf([checked()]))).toThrow(ViewingNotFound);
    });

    it('refuses stars off the half-star grid', () =>
      expect(() =>
        filmLogDecider.decide(
          { type: 'LogViewing', viewing: viewing('x', '2020-01-01', false, 4.2) },
          stateOf([]),
        ),
      ).toThrow(RangeError));
  });
});
