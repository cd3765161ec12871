import { nextAward } from './list-views.js';

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
