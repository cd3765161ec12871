import { ImportPlanBuilder } from './plan-builder.js';

const film = { imdbId: null, title: 'Stalker', year: 1979 };
const row = (line: number) => ({ file: 'f.csv', line });

describe('ImportPlanBuilder', () => {
  it('keeps the earliest viewing date over any check without one, whatever the order', () => {
    const plan = new ImportPlanBuilder('letterboxd');
    plan.check(film, row(2), { watchedOn: null, at: '2001-01-01T12:00:00.000Z' });
    plan.check(film, row(3), { watchedOn: '2010-05-05', at: '2010-05-05T12:00:00.000Z' });
    plan.check(film, row(4), { watchedOn: '2009-05-05', at: '2009-05-05T12:00:00.000Z' });
    plan.check(film, row(5), { watchedOn: '2011-05-05', at: '2011-05-05T12:00:00.000Z' });
    expect(plan.build().films[0]?.checked).toEqual({
      watchedOn: '2009-05-05',
      at: '2009-05-05T12:00:00.000Z',
    });
  });

  it('keeps the earliest logged check when no viewing date is known, and the earliest of each mark', () => {
    const plan = new ImportPlanBuilder('letterboxd');
    plan.check(film, row(2), { watchedOn: null, at: '2005-01-01T12:00:00.000Z' });
    plan.check(film, row(3), { watchedOn: null, at: '2004-01-01T12:00:00.000Z' });
    plan.mark('watchlisted', film, row(4), '2003-01-01T12:00:00.000Z');
    plan.mark('watchlisted', film, row(5), '2002-01-01T12:00:00.000Z');
    plan.mark('watchlisted', film, row(6), '2008-01-01T12:00:00.000Z');
    const [entry] = plan.build().films;
    expect(entry?.checked).toEqual({ watchedOn: null, at: '2004-01-01T12:00:00.000Z' });
    expect(entry?.watchlisted).toEqual({ at: '2002-01-01T12:00:00.000Z' });
    expect(entry?.rows.map((at) => at.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('tells films apart by IMDb id when there is one, else by title and year', () => {
    const plan = new ImportPlanBuilder('imdb');
    plan.mark('favourite', { imdbId: 'tt0079944', title: 'Stalker', year: 1979 }, row(2), 'a');
    plan.mark('favourite', { imdbId: 'tt0079944', title: 'Сталкер', year: 1979 }, row(3), 'a');
    plan.mark('favourite', film, row(4), 'a');
    plan.mark('favourite', { ...film, year: 1980 }, row(5), 'a');
    expect(plan.build().films.map((entry) => entry.rows.length)).toEqual([2, 1, 1]);
  });
});
