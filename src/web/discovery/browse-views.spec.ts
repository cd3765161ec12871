import { browseHref } from './browse-views.js';

describe('the browse page’s address', () => {
  it('leaves out the default order, the default period and empty fields', () => {
    expect(browseHref({})).toBe('/browse/films');
    expect(browseHref({ sort: 'popular', period: 'week', genre: '' })).toBe('/browse/films');
    expect(browseHref({ period: 'all', decade: '1950' })).toBe('/browse/films?period=all&decade=1950');
  });

  it('keeps the period for popularity only, and the cursor last', () => {
    expect(browseHref({ sort: 'release', period: 'month', country: 'FR' }, 'abc')).toBe(
      '/browse/films?sort=release&country=FR&cursor=abc',
    );
    expect(browseHref({ sort: 'trending', period: 'today' })).toBe('/browse/films?sort=trending');
  });
});
