import type { MemberPlan } from './community-plan.js';
import type { FilmAction } from './histories.js';
import { latestMarks } from './member-history-seeder.js';

const action = (film: string, type: FilmAction['mark']['type'] = 'AddFilmToWatchlist'): FilmAction =>
  ({ film, mark: type === 'CheckFilm' ? { type, watchedOn: '2026-01-01' } : { type } }) as FilmAction;

const planOf = (marks: FilmAction[], diaryFilms: string[] = []): MemberPlan =>
  ({
    history: { marks, diary: diaryFilms.map((film) => ({ film })), comments: [], seen: [] },
  }) as unknown as MemberPlan;

describe('latestMarks', () => {
  it('keeps back the last two marks on films the member touches nowhere else', () => {
    const marks = [
      action('a', 'CheckFilm'),
      action('a', 'FavouriteFilm'),
      action('b'),
      action('c', 'CheckFilm'),
      action('d'),
      action('e', 'CheckFilm'),
      action('e', 'RateFilm'),
    ];
    expect(latestMarks(planOf(marks, ['d'])).map((mark) => mark.film)).toEqual(['b', 'c']);
  });

  it('keeps back nothing when every film is touched twice', () => {
    expect(latestMarks(planOf([action('a', 'CheckFilm')], ['a']))).toEqual([]);
  });
});
