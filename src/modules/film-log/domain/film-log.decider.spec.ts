import { DomainRuleViolation, given } from '#decider';
import { earliestDate } from './diary.js';
import { filmLogDecider, ViewingNotFound } from './film-log.decider.js';
import { type FilmLogEvent } from './film-log.events.js';
import {
  e,
  checked,
  favourited,
  disliked,
  watchlisted,
  rated,
  histories,
  commands,
  refusal,
  hasEntry,
  stateOf,
} from '../testing/decider-fixtures.js';

describe('film log decider', () => {
  describe('check', () => {
    it('checks an untouched film with its date', () =>
      given(filmLogDecider)
        .when({ type: 'CheckFilm', watchedOn: '2024-05-01' })
        .then([checked('2024-05-01')]));

    it('checks without a date', () =>
      given(filmLogDecider)
        .when({ type: 'CheckFilm' })
        .then([checked(null)]));

    it('takes a checked film off the watchlist', () =>
      given(filmLogDecider, [watchlisted])
        .when({ type: 'CheckFilm' })
        .then([checked(null), e('FilmRemovedFromWatchlist')]));

    it('a new date on a checked film changes the date only', () =>
      given(filmLogDecider, [checked('2024-05-01')])
        .when({ type: 'CheckFilm', watchedOn: '2024-06-01' })
        .then([e('FilmWatchDateChanged', { watchedOn: '2024-06-01' })]));

    it('the same date, or none, on a checked film changes nothing', () => {
      given(filmLogDecider, [checked('2024-05-01')])
        .when({ type: 'CheckFilm', watchedOn: '2024-05-01' })
        .then([]);
      given(filmLogDecider, [checked('2024-05-01')])
        .when({ type: 'CheckFilm' })
        .then([]);
    });

    it('an explicit null clears the date', () =>
      given(filmLogDecider, [checked('2024-05-01')])
        .when({ type: 'CheckFilm', watchedOn: null })
        .then([e('FilmWatchDateChanged', { watchedOn: null })]));
  });

  describe('uncheck', () => {
    it('removes favourite and dislike with the check, and leaves the watchlist', () => {
      given(filmLogDecider, [checked(), favourited, watchlisted])
        .when({ type: 'UncheckFilm' })
        .then([e('FilmUnfavourited'), e('FilmUnchecked')]);
      given(filmLogDecider, [checked(), disliked])
        .when({ type: 'UncheckFilm' })
        .then([e('FilmUndisliked'), e('FilmUnchecked')]);
      given(filmLogDecider, [checked('2024-01-01'), favourited, watchlisted])
        .when({ type: 'UncheckFilm' })
        .thenState({
          ...filmLogDecider.initialState,
          checked: false,
          checkedAt: null,
          watchedOn: null,
          favourite: false,
          disliked: false,
          watchlisted: true,
          rating: null,
        });
    });
  });

  describe('favourite and dislike', () => {
    it('favouriting an unchecked film checks it first, without a date', () =>
      given(filmLogDecider)
        .when({ type: 'FavouriteFilm' })
        .then([checked(null), favourited]));

    it('disliking a watchlisted film checks it and takes it off the watchlist', () =>
      given(filmLogDecider, [watchlisted])
        .when({ type: 'DislikeFilm' })
        .then([checked(null), e('FilmRemovedFromWatchlist'), disliked]));

    it('favouriting a disliked film undislikes it first', () =>
      given(filmLogDecider, [checked(), disliked])
        .when({ type: 'FavouriteFilm' })
        .then([e('FilmUndisliked'), favourited]));

    it('disliking a favourite unfavourites it first', () =>
      given(filmLogDecider, [checked(), favourited])
        .when({ type: 'DislikeFilm' })
        .then([e('FilmUnfavourited'), disliked]));

    it('favouriting keeps the watch date of a checked film', () =>
      given(filmLogDecider, [checked('2023-03-03')])
        .when({ type: 'FavouriteFilm' })
        .thenState({
          ...filmLogDecider.initialState,
          checked: true,
          checkedAt: null,
          watchedOn: '2023-03-03',
          checkDate: '2023-03-03',
          favourite: true,
          disliked: false,
          watchlisted: false,
          rating: null,
        }));

    it('unfavouriting leaves the film checked', () =>
      given(filmLogDecider, [checked(), favourited])
        .when({ type: 'UnfavouriteFilm' })
        .thenState({
          ...filmLogDecider.initialState,
          checked: true,
          checkedAt: null,
          watchedOn: null,
          favourite: false,
          disliked: false,
          watchlisted: false,
          rating: null,
        }));
  });

  it('remembers when the film was checked, not when its date changed', () => {
    const at = (event: FilmLogEvent, occurredAt: string) => ({ ...event, occurredAt });
    given(filmLogDecider, [
      at(checked('2024-05-01'), '2024-05-02T20:00:00.000Z'),
      at(favourited, '2024-05-03T08:00:00.000Z'),
    ])
      .when({ type: 'CheckFilm', watchedOn: '2024-04-30' })
      .thenState({
        ...filmLogDecider.initialState,
        checked: true,
        checkedAt: '2024-05-02T20:00:00.000Z',
        watchedOn: '2024-04-30',
        checkDate: '2024-04-30',
        favourite: true,
        disliked: false,
        watchlisted: false,
        rating: null,
      });
  });

  describe('watchlist', () => {
    it('adds and removes', () => {
      given(filmLogDecider).when({ type: 'AddFilmToWatchlist' }).then([watchlisted]);
      given(filmLogDecider, [watchlisted])
        .when({ type: 'RemoveFilmFromWatchlist' })
        .then([e('FilmRemovedFromWatchlist')]);
    });

    it('a checked film may go on the watchlist (to see again)', () =>
      given(filmLogDecider, [checked()]).when({ type: 'AddFilmToWatchlist' }).then([watchlisted]));
  });

  describe('rating', () => {
    it('rates a checked film', () =>
      given(filmLogDecider, [checked('2024-05-01')])
        .when({ type: 'RateFilm', rating: 4 })
        .then([rated(4)]));

    it('checks an unrated film first, without a date, and takes it off the watchlist', () =>
      given(filmLogDecider, [watchlisted])
        .when({ type: 'RateFilm', rating: 2.5 })
        .then([checked(null), e('FilmRemovedFromWatchlist'), rated(2.5)]));

    it('a new rating names the one it replaces', () =>
      given(filmLogDecider, [checked(), rated(3)])
        .when({ type: 'RateFilm', rating: 0.5 })
        .then([rated(0.5, 3)]));

    it('the same rating again changes nothing', () =>
      given(filmLogDecider, [checked(), rated(3)])
        .when({ type: 'RateFilm', rating: 3 })
        .then([]));

    it('removing the rating names it and leaves the film checked', () => {
      given(filmLogDecider, [checked(), rated(3)])
        .when({ type: 'RemoveFilmRating' })
        .then([e('FilmRatingRemoved', { rating: 3 })]);
      given(filmLogDecider, [checked()]).when({ type: 'RemoveFilmRating' }).then([]);
    });

    it('unchecking takes the rating away with the check', () =>
      given(filmLogDecider, [checked(), rated(4.5), favourited])
        .when({ type: 'UncheckFilm' })
        .then([e('FilmRatingRemoved', { rating: 4.5 }), e('FilmUnfavourited'), e('FilmUnchecked')]));

    it('refuses a rating off the half-star grid or outside half a star to five', () => {
      for (const rating of [0, 0.25, 5.5, -1, 3.3, Number.NaN])
        expect(() => filmLogDecider.decide({ type: 'RateFilm', rating }, stateOf([]))).toThrow(RangeError);
    });
  });

  describe('every command from every state', () => {
    const cases = Object.entries(histories).flatMap(([name, history]) =>
      commands.map((command) => [name, JSON.stringify(command), history, command] as const),
    );

    it.each(cases)(
      '%s + %s keeps the invariants and repeating it changes nothing',
      (_name, _label, history, command) => {
        const before = stateOf(history);
        const refused = refusal(command, before);
        if (refused !== null) {
          if (command.type === 'UncheckFilm') {
            expect(refused).toBeInstanceOf(DomainRuleViolation);
            expect(refused).toMatchObject({ code: 'has-diary-entries' });
            expect(before.diary.length).toBeGreaterThan(0);
          } else {
            expect(refused).toBeInstanceOf(ViewingNotFound);
            expect('entry' in command && hasEntry(before, command.entry)).toBe(false);
          }
          return;
        }
        const events = filmLogDecider.decide(command, before);
        const after = stateOf([...history, ...events]);

        expect(!after.favourite || after.checked).toBe(true);
        expect(!after.disliked || after.checked).toBe(true);
        expect(after.favourite && after.disliked).toBe(false);
        expect(after.checked || after.watchedOn === null).toBe(true);
        expect(after.rating === null || after.checked).toBe(true);
        expect(after.diary.length === 0 || after.checked).toBe(true);
        expect(after.viewings).toBe(after.diary.length);
        expect(after.watchedOn).toBe(
          earliestDate([after.checkDate, ...after.diary.map((entry) => entry.watchedOn)]),
        );
        if (command.type === 'DeleteViewing') {
          expect(() => filmLogDecider.decide(command, after)).toThrow(ViewingNotFound);
        } else {
          expect(filmLogDecider.decide(command, after)).toEqual([]);
        }
      },
    );

    it.each(cases)('%s + %s has the effect the command names', (_name, _label, history, command) => {
      const before = stateOf(history);
      if (refusal(command, before) !== null) return;
      const after = stateOf([...history, ...filmLogDecider.decide(command, before)]);
      switch (command.type) {
        case 'CheckFilm':
          expect(after.checked).toBe(true);
          expect(after.watchlisted).toBe(before.checked ? before.watchlisted : false);
          expect(after.checkDate).toBe(
            command.watchedOn === undefined ? (before.checked ? before.checkDate : null) : command.watchedOn,
          );
          expect(after.diary).toEqual(before.diary);
          break;
        case 'UncheckFilm':
          expect(after).toEqual({ ...filmLogDecider.initialState, watchlisted: before.watchlisted });
          break;
        case 'FavouriteFilm':
          expect(after).toMatchObject({ checked: true, favourite: true, disliked: false });
          break;
        case 'DislikeFilm':
          expect(after).toMatchObject({ checked: true, favourite: false, disliked: true });
          break;
        case 'UnfavouriteFilm':
          expect(after).toEqual({ ...before, favourite: false });
          break;
        case 'UndislikeFilm':
          expect(after).toEqual({ ...before, disliked: false });
          break;
        case 'AddFilmToWatchlist':
          expect(after).toEqual({ ...before, watchlisted: true });
          break;
        case 'RemoveFilmFromWatchlist':
          expect(after).toEqual({ ...before, watchlisted: false });
          break;
        case 'RateFilm':
          expect(after).toMatchObject({ checked: true, rating: command.rating });
          expect(after.watchlisted).toBe(before.checked ? before.watchlisted : false);
          break;
        case 'RemoveFilmRating':
          expect(after).toEqual({ ...before, rating: null });
          break;
        case 'LogViewing':
          expect(after.diary).toContainEqual(command.viewing);
          expect(after.checked).toBe(true);
          expect(after.rating).toBe(command.viewing.rating ?? before.rating);
          break;
        case 'ChangeViewing':
          expect(after.diary.find((entry) => entry.entry === command.entry)).toMatchObject({
            ...(command.watchedOn === undefined ? {} : { watchedOn: command.watchedOn }),
            ...(command.rewatch === undefined ? {} : { rewatch: command.rewatch }),
            ...(command.rating === undefined ? {} : { rating: command.rating }),
          });
          expect(after.rating).toBe(command.rating ?? before.rating);
          break;
        case 'DeleteViewing':
          expect(hasEntry(after, command.entry)).toBe(false);
          expect(after.diary).toHaveLength(before.diary.length - 1);
          expect(after.rating).toBe(before.rating);
          break;
      }
    });
  });
});
