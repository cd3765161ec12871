import sharp from 'sharp';
import { drawPoster, escapeXml, posterSvg, titleLines } from './drawn-poster.js';

describe('drawn posters', () => {
  it('escapes what XML gives a meaning to', () => {
    expect(escapeXml(`Tom & Jerry's "<Cat>"`)).toBe('Tom &amp; Jerry&apos;s &quot;&lt;Cat&gt;&quot;');
  });

  it('draws a title full of markup as text, not as markup', async () => {
    const title = `</text><script>alert("x")</script> & <b>Bold</b>`;
    const svg = posterSvg(title, 1999);

    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(await sharp(await drawPoster(title, 1999)).metadata()).toMatchObject({
      format: 'jpeg',
      width: 600,
      height: 900,
    });
  });

  it('wraps a long title and cuts it after five lines', () => {
    expect(titleLines('The Good, the Bad and the Ugly')).toEqual(['The Good, the', 'Bad and the Ugly']);
    const lines = titleLines(Array.from({ length: 30 }, () => 'word').join(' '));
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/…$/);
  });

  it('draws the same poster for the same film', async () => {
    expect(await drawPoster('Paris', 2008)).toEqual(await drawPoster('Paris', 2008));
    expect(posterSvg('Paris', 2008)).not.toEqual(posterSvg('Paris', 2009));
  });
});
