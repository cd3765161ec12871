import { listHref, listLayout, nextAward } from './list-views.js';

describe('nextAward', () => {
  it.each([
    [0, 10, { award: 'bronze', more: 5 }],
    [4, 10, { award: 'bronze', more: 1 }],
    [5, 10, { award: 'silver', more: 3 }],
    [8, 10, { award: 'gold', more: 1 }],
    [9, 10, { award: 'platinum', more: 1 }],
    [0, 101, { award: 'bronze', more: 51 }],
    // On a 3-film list the second film is bronze and the third jumps straight to platinum.
    [2, 3, { award: 'platinum', more: 1 }],
  ])('%i of %i seen: the next award and how many more films it takes', (checked, total, next) => {
    expect(nextAward(checked, total)).toEqual(next);
  });

  it('is nothing once platinum is won, or on an empty list', () => {
    expect(nextAward(10, 10)).toBeNull();
    expect(nextAward(0, 0)).toBeNull();
  });
});

describe('list layouts', () => {
  it('shows a poster grid only of a ranked list that asks for one', () => {
    expect(listLayout(true, 'grid')).toBe('grid');
    expect(listLayout(false, 'grid')).toBe('rows');
    expect(listLayout(true, undefined)).toBe('rows');
    expect(listLayout(true, ['grid', 'grid'])).toBe('rows');
  });

  it('keeps the layout on later pages', () => {
    expect(listHref('l1', 'rows')).toBe('/list/l1');
    expect(listHref('l1', 'grid')).toBe('/list/l1?view=grid');
    expect(listHref('l1', 'grid', 'a+b')).toBe('/list/l1?view=grid&cursor=a%2Bb');
    expect(listHref('l1', 'rows', 'abc')).toBe('/list/l1?cursor=abc');
  });
});
