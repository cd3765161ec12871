import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ImportView } from '../../modules/imports/imports.response.js';
import { WebContext } from '../views/web-context.js';
import { ImportPageView } from './import-views.js';

const running: ImportView = {
  id: '6c1a4f1e-6d0b-4f5e-9a43-0f6f4f0d2a11',
  source: 'letterboxd',
  fileName: 'export.zip',
  status: 'running',
  progress: { done: 3, total: 12 },
  counts: null,
  unmatched: [],
  rowErrors: [],
  notImported: {},
  createdAt: '2026-01-01T10:00:00.000Z',
};

const render = (item: ImportView): string =>
  renderToString(
    h(
      WebContext.Provider,
      {
        value: {
          reader: null,
          csrfToken: 'token',
          path: `/my/imports/${item.id}`,
          now: new Date('2026-01-01T10:01:00Z'),
          assets: { css: '/assets/site.css', js: '/assets/site.js' },
        },
      },
      h(ImportPageView, { item, offset: 0, rowsPerPage: 100, firstHref: null, nextHref: null }),
    ),
  );

describe('an import’s page', () => {
  it('while running: a progress bar of the rows done, followed by the script and, without it, a refresh', () => {
    const html = render(running);
    expect(html).toContain('<progress id="import-progress-bar" value="3" max="12">25%</progress>');
    expect(html).toContain('<label for="import-progress-bar">3 of 12 rows done (25%)</label>');
    expect(html).toContain(`data-live-url="/my/imports/${running.id}"`);
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="2"/></noscript>');
  });

  it('once finished: neither', () => {
    const html = render({
      ...running,
      status: 'completed',
      progress: { done: 12, total: 12 },
      counts: { checked: 11, favourites: 0, watchlist: 0, lists: 0, unmatched: 1 },
      unmatched: [{ title: 'Aftersun', year: 2022, file: 'watched.csv', line: 5 }],
      completedAt: '2026-01-01T10:00:30.000Z',
    });
    expect(html).not.toContain('<progress');
    expect(html).not.toContain('data-live-url');
    expect(html).not.toContain('<noscript');
    expect(html).toContain('<td>Aftersun</td>');
  });
});
