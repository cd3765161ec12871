import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { View } from '../http/web-renderer.js';
import { WebContext, type WebContextValue } from '../views/web-context.js';
import { FriendsPlanningLine, friendsPlanningLine, lineText } from './friends-planning.js';
import type { PlanContext } from './screening-parts.js';

const reader = { id: 'r1', username: 'ann', roles: [], suspended: false, suspensionDetail: null } as const;
const context = (signedIn: boolean): WebContextValue => ({
  reader: signedIn ? reader : null,
  csrfToken: 'token',
  path: '/festival/eiff/2016/day/2016-06-18',
  now: new Date(0),
  assets: { css: '', js: '' },
});
const render = (view: View, signedIn = true): string =>
  renderToString(h(WebContext.Provider, { value: context(signedIn) }, view));

const words = (usernames: readonly string[]): string | null => {
  const line = friendsPlanningLine(usernames);
  return line === null ? null : lineText(line);
};

const friend = (username: string) => ({ id: `id-${username}`, username });
const plan = (friends: Record<string, string[]>): PlanContext => ({
  festival: 'eiff',
  year: 2016,
  planned: new Set<string>(),
  friends: new Map(Object.entries(friends).map(([id, names]) => [id, names.map(friend)])),
});

describe('friends planning a screening', () => {
  it('names one or two members, then the first and a count of the others', () => {
    expect(words([])).toBeNull();
    expect(words(['juliette_b'])).toBe('Planned by juliette_b, who you follow');
    expect(words(['juliette_b', 'marc'])).toBe('Planned by juliette_b and marc, who you follow');
    expect(words(['juliette_b', 'marc', 'zoe'])).toBe('Planned by juliette_b and 2 others you follow');
    expect(words(['a', 'b', 'c', 'd', 'e'])).toBe('Planned by a and 4 others you follow');
  });

  it('links each name shown to that member’s plan for the edition', () => {
    const html = render(
      h(FriendsPlanningLine, { plan: plan({ s1: ['juliette_b', 'marc', 'zoé'] }), screeningId: 's1' }),
    );
    expect(html).toBe(
      '<p class="friends-planning">Planned by <a href="/member/juliette_b/festivals/eiff/2016">juliette_b</a>' +
        ' and 2 others you follow</p>',
    );
    const two = render(h(FriendsPlanningLine, { plan: plan({ s1: ['a', 'zoé'] }), screeningId: 's1' }));
    expect(two).toContain('<a href="/member/zo%C3%A9/festivals/eiff/2016">zoé</a>, who you follow');
  });

  it('says nothing when nobody plans it, when friends were not looked up, or to an anonymous reader', () => {
    expect(render(h(FriendsPlanningLine, { plan: plan({ s1: [] }), screeningId: 's1' }))).toBe('');
    expect(render(h(FriendsPlanningLine, { plan: plan({}), screeningId: 's1' }))).toBe('');
    const notLookedUp: PlanContext = { festival: 'eiff', year: 2016, planned: new Set<string>() };
    expect(render(h(FriendsPlanningLine, { plan: notLookedUp, screeningId: 's1' }))).toBe('');
    expect(render(h(FriendsPlanningLine, { plan: plan({ s1: ['marc'] }), screeningId: 's1' }), false)).toBe(
      '',
    );
  });
});
