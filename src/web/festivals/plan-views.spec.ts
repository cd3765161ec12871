import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { View } from '../http/web-renderer.js';
import { WebContext, type WebContextValue } from '../views/web-context.js';
import type { EditionDetail, PlanView } from './festival-shapes.js';
import { MyPlanView } from './plan-views.js';
import { PlanButton } from './screening-parts.js';

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

const screening = (id: string, title: string, startsAt: string, endsAt: string) => ({
  id,
  film: { id: `f-${id}`, slug: title.toLowerCase(), title, year: 2008 },
  venue: 'Filmhouse 1',
  startsAt,
  endsAt,
});

const edition: EditionDetail = {
  festival: { slug: 'eiff', name: 'EIFF' },
  year: 2016,
  startsOn: '2016-06-15',
  endsOn: '2016-06-26',
  timeZone: 'Europe/London',
  ticketPrice: { amount: '10.00', currency: 'GBP' },
  bulkDiscounts: [{ minFilms: 6, percent: 25 }],
  strands: [],
  days: [],
  continents: [],
};

const parisPoster = {
  width: 1000,
  height: 1500,
  sizes: {
    '150': '/images/posters/p150.webp',
    '300': '/images/posters/p300.webp',
    '600': '/images/posters/p600.webp',
  },
};

describe('plan views', () => {
  it('marks a clash in words on each of the two screenings, and shows the total', () => {
    const plan: PlanView = {
      visibility: 'friends',
      items: [
        {
          screening: screening('a', 'Paris', '2016-06-18T20:00:00+01:00', '2016-06-18T22:10:00+01:00'),
          clashesWith: ['b'],
        },
        {
          screening: screening('b', 'Zazie', '2016-06-18T21:00:00+01:00', '2016-06-18T22:33:00+01:00'),
          clashesWith: ['a'],
        },
      ],
      films: 2,
      discountedFilms: 2,
      bulkDiscount: null,
      total: { amount: '20.00', currency: 'GBP' },
    };
    const html = render(
      h(MyPlanView, {
        edition,
        plan,
        posters: new Map([['f-a', parisPoster]]),
        context: { festival: 'eiff', year: 2016, planned: new Set(['a', 'b']) },
        calendarUrl: null,
        calendarRevoked: false,
      }),
    );
    expect(html).toContain('Clashes with Zazie at 21:00');
    expect(html).toContain('Clashes with Paris at 20:00');
    expect(html).toContain('£20.00');
    expect(html).toMatch(/id="visibility-friends"[^>]*checked/);
    expect(html).toContain('None yet');
    expect(html).toContain('alt="Poster of Paris (2008)"');
    expect(html).toContain('src="/images/posters/p300.webp"');
    expect(html).toContain('aria-label="No poster for Zazie (2008)"');
  });

  it('offers Add or Remove by the reader’s plan, named with the film and its local start', () => {
    const late = screening('late', 'Night Owls', '2016-06-19T00:30:00+01:00', '2016-06-19T02:00:00+01:00');
    const add = render(
      h(PlanButton, {
        plan: { festival: 'eiff', year: 2016, planned: new Set<string>() },
        screening: late,
        title: 'Night Owls',
      }),
    );
    expect(add).toContain('aria-label="Add to my plan: Night Owls, Sun 19 June at 00:30"');
    expect(add).toContain('value="on"');
    expect(add).toContain('name="back" value="/festival/eiff/2016/day/2016-06-18"');
    const remove = render(
      h(PlanButton, {
        plan: { festival: 'eiff', year: 2016, planned: new Set(['late']) },
        screening: late,
        title: 'Night Owls',
      }),
    );
    expect(remove).toContain('>Remove from my plan</button>');
    expect(remove).toContain('value="off"');
    // No button for an anonymous reader: the page's sign-in prompt stands for it.
    expect(
      render(
        h(PlanButton, {
          plan: { festival: 'eiff', year: 2016, planned: null },
          screening: late,
          title: 'Night Owls',
        }),
        false,
      ),
    ).toBe('');
  });
});
