import { DomainRuleViolation, fold, given } from '#decider';
import { earliestDate, type Viewing } from './diary.js';
import {
  filmLogDecider,
  ViewingNotFound,
  type FilmLogCommand,
  type FilmLogStreamState,
  type ImportFilmLog,
} from './film-log.decider.js';
import { type FilmLogEvent } from './film-log.events.js';

const e = (type: FilmLogEvent['type'], data: Record<string, unknown> = {}): FilmLogEvent =>
  ({ type, data }) as FilmLogEvent;

const checked = (watchedOn: string | null = null) => e('FilmChecked', { watchedOn });
const favourited = e('FilmFavourited');
const disliked = e('FilmDisliked');
const watchlisted = e('FilmAddedToWatchlist');
const rated = (rating: number, previous: number | null = null) => e('FilmRated', { rating, previous });
const viewing = (
  entry: string,
  watchedOn: string,
  rewatch = false,
  rating: number | null = null,
): Viewing => ({
  entry,
  watchedOn,
  rewatch,
  rating,
});
const logged = (entry: Viewing) => e('ViewingLogged', { ...entry });

/** The events a member's commands lead to, each decided on the state the previous ones left. */
function played(commands: readonly FilmLogCommand[]): FilmLogEvent[] {
  const events: FilmLogEvent[] = [];
  for (const command of commands) {
    events.push(...filmLogDecider.decide(command, fold(filmLogDecider, filmLogDecider.initialState, events)));
  }
  return events;
}

/** Every state a member and a film can be in, each reached by a plausible history. */
const histories: Record<string, FilmLogEvent[]> = {
  untouched: [],
  watchlisted: [watchlisted],
  checked: [checked()],
  'checked with a date': [checked('2024-05-01')],
  'checked and watchlisted': [checked(), watchlisted],
  favourite: [checked(), favourited],
  'favourite and watchlisted': [checked(), favourited, watchlisted],
  disliked: [checked(), disliked],
  'disliked and watchlisted': [checked(), disliked, watchlisted],
  'unchecked again': [checked('2020-01-01'), favourited, e('FilmUnfavourited'), e('FilmUnchecked')],
  rated: [checked(), rated(3.5)],
  'rated twice, favourite and watchlisted': [checked(), rated(2), rated(4.5, 2), favourited, watchlisted],
  'rating removed': [checked('2021-01-01'), rated(1), e('FilmRatingRemoved', { rating: 1 })],
  'in the diary': played([{ type: 'LogViewing', viewing: viewing('a', '2023-01-01', false, 4) }]),
  'checked with a date, then two viewings, favourite': played([
    { type: 'CheckFilm', watchedOn: '2024-05-01' },
    { type: 'LogViewing', viewing: viewing('b', '2022-02-02') },
    { type: 'LogViewing', viewing: viewing('c', '2024-07-07', true, 2) },
    { type: 'FavouriteFilm' },
  ]),
};

const commands: FilmLogCommand[] = [
  { type: 'CheckFilm' },
  { type: 'CheckFilm', watchedOn: '2025-02-03' },
  { type: 'CheckFilm', watchedOn: null },
  { type: 'UncheckFilm' },
  { type: 'FavouriteFilm' },
  { type: 'UnfavouriteFilm' },
  { type: 'DislikeFilm' },
  { type: 'UndislikeFilm' },
  { type: 'AddFilmToWatchlist' },
  { type: 'RemoveFilmFromWatchlist' },
  { type: 'RateFilm', rating: 0.5 },
  { type: 'RateFilm', rating: 3.5 },
  { type: 'RateFilm', rating: 5 },
  { type: 'RemoveFilmRating' },
  { type: 'LogViewing', viewing: viewing('n', '2021-05-05', true, 3) },
  { type: 'LogViewing', viewing: viewing('a', '2023-01-01', false, 4) },
  { type: 'ChangeViewing', entry: 'a', watchedOn: '2020-01-01' },
  { type: 'ChangeViewing', entry: 'b', rewatch: true, rating: null },
  { type: 'DeleteViewing', entry: 'b' },
  { type: 'DeleteViewing', entry: 'c' },
];

/** The command is refused for a reason the state gives; the invariants hold for the others. */
function refusal(command: FilmLogCommand, before: FilmLogStreamState): unknown {
  try {
    filmLogDecider.decide(command, before);
    return null;
  } catch (error) {
    return error;
  }
}

const hasEntry = (state: FilmLogStreamState, entry: string): boolean =>
  state.diary.some((viewing) => viewing.entry === entry);

const stateOf = (history: readonly FilmLogEvent[]): FilmLogStreamState =>
  fold(filmLogDecider, filmLogDecider.initialState, history);

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
