import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Poster } from '../../modules/catalog/posters/poster.js';
import { initials, PosterImage, posterSrcset } from './poster.js';

const poster = (width: number, height: number): Poster => ({
  width,
  height,
  sizes: {
    '150': '/images/posters/a.webp',
    '300': '/images/posters/b.webp',
    '600': '/images/posters/c.webp',
  },
});

describe('PosterImage', () => {
  it('offers every variant by width, sized to its place with the poster’s own ratio, lazily', () => {
    const html = renderToString(
      h(PosterImage, { film: { title: 'Paris', year: 2008, poster: poster(1000, 1480) }, display: 'grid' }),
    );
    expect(html).toContain('src="/images/posters/b.webp"');
    expect(html).toContain(
      'srcset="/images/posters/a.webp 150w, /images/posters/b.webp 300w, /images/posters/c.webp 600w"',
    );
    expect(html).toContain('width="160" height="237"');
    expect(html).toContain('alt="Poster of Paris (2008)"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('decoding="async"');
  });

  it('is fetched at once above the fold', () => {
    const html = renderToString(
      h(PosterImage, {
        film: { title: 'Paris', year: null, poster: poster(600, 900) },
        display: 'large',
        aboveFold: true,
      }),
    );
    expect(html).not.toContain('loading=');
    expect(html).toContain('fetchpriority="high"');
    expect(html).toContain('alt="Poster of Paris"');
  });

  it('is a labelled placeholder with the title’s initials when the film has no poster', () => {
    const html = renderToString(
      h(PosterImage, { film: { title: 'The Seventh Seal', year: 1957, poster: null }, display: 'small' }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="No poster for The Seventh Seal (1957)"');
    expect(html).toContain('data-initials="TSS"');
    expect(html).not.toContain('<img');
  });
});

describe('posterSrcset', () => {
  it('names each variant by the width it has: a small original is never claimed wider', () => {
    expect(posterSrcset(poster(400, 600))).toBe(
      '/images/posters/a.webp 150w, /images/posters/b.webp 300w, /images/posters/c.webp 400w',
    );
    expect(posterSrcset(poster(120, 180))).toBe('/images/posters/a.webp 120w');
  });
});

describe('initials', () => {
  it.each([
    ['The Seventh Seal', 'TSS'],
    ['À bout de souffle', 'ÀBD'],
    ['8½', '8'],
    ['M', 'M'],
    ['— ?', ''],
  ])('%s → %s', (title, expected) => {
    expect(initials(title)).toBe(expected);
  });
});
