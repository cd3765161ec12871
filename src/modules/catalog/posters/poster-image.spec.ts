import sharp from 'sharp';
import { posterImageOf, UnusablePosterImage } from './poster-image.js';
import { HTML, picture, pngClaiming, sidewaysJpeg, SVG } from './testing/hostile-images.js';

describe('poster images', () => {
  it('makes WebP variants 150, 300 and 600 wide, never enlarging a narrower picture', async () => {
    const poster = await posterImageOf(await picture(400, 600, 'jpeg'));

    expect([poster.width, poster.height]).toEqual([400, 600]);
    expect(
      Object.entries(poster.variants).map(([target, variant]) => [target, variant.width, variant.height]),
    ).toEqual([
      ['150', 150, 225],
      ['300', 300, 450],
      ['600', 400, 600],
    ]);
    const made = await sharp(poster.variants[300].webp).metadata();
    expect(made.format).toBe('webp');
  });

  it('turns a picture upright by its EXIF orientation and keeps none of its metadata', async () => {
    const sideways = await sidewaysJpeg(600, 400);
    const stored = await sharp(sideways).metadata();
    expect([stored.width, stored.height, stored.orientation, stored.exif !== undefined]).toEqual([
      600,
      400,
      6,
      true,
    ]);

    const poster = await posterImageOf(sideways);

    expect([poster.width, poster.height]).toEqual([400, 600]);
    expect([poster.variants[300].width, poster.variants[300].height]).toEqual([300, 450]);
    const made = await sharp(poster.variants[600].webp).metadata();
    expect(made.exif).toBeUndefined();
    expect(made.orientation).toBeUndefined();
  });

  it.each([
    ['text', Buffer.from('not a picture at all')],
    ['an HTML page', HTML],
    ['an SVG', SVG],
    ['a truncated JPEG', 'truncated'],
    ['a PNG claiming 100,000 × 100,000 pixels', pngClaiming(100_000, 100_000)],
    ['a PNG claiming 8,000 × 7,000 pixels, over 50 megapixels', pngClaiming(8_000, 7_000)],
  ])('refuses %s without decoding it', async (_label, input) => {
    const bytes = input === 'truncated' ? (await picture(800, 1200, 'jpeg')).subarray(0, 2_000) : input;
    await expect(posterImageOf(bytes as Buffer)).rejects.toThrow(UnusablePosterImage);
  });

  it('takes PNG and WebP as well as JPEG', async () => {
    for (const format of ['png', 'webp'] as const) {
      const poster = await posterImageOf(await picture(120, 180, format));
      expect([poster.variants[150].width, poster.variants[150].height]).toEqual([120, 180]);
    }
  });
});
