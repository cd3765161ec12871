import sharp from 'sharp';

/** The widths a poster is served at, in pixels. */
export const POSTER_WIDTHS = [150, 300, 600] as const;
export type PosterWidth = (typeof POSTER_WIDTHS)[number];

/** Larger pictures are refused before they are decoded: a small file can claim a huge canvas. */
export const MAX_POSTER_PIXELS = 50_000_000;

/** The formats an upload may be; sharp also reads SVG, GIF, TIFF…, which a poster never is. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);

/** The picture cannot be a poster: not a JPEG, PNG or WebP, damaged, or too many pixels. */
export class UnusablePosterImage extends Error {
  override readonly name = 'UnusablePosterImage';
}

export interface PosterVariant {
  readonly width: number;
  readonly height: number;
  readonly webp: Buffer;
}

export interface PosterImage {
  /** The upright picture's size. */
  readonly width: number;
  readonly height: number;
  readonly variants: Readonly<Record<PosterWidth, PosterVariant>>;
}

const reading = { failOn: 'error', limitInputPixels: MAX_POSTER_PIXELS, autoOrient: true } as const;

/**
 * The WebP variants of an uploaded poster, turned upright by its EXIF orientation and without its
 * metadata (sharp writes none unless asked: camera EXIF can hold where a picture was taken). A
 * narrower picture than a variant is not enlarged.
 */
export async function posterImageOf(bytes: Buffer): Promise<PosterImage> {
  const { width, height } = await uprightSize(bytes);
  const variants = {} as Record<PosterWidth, PosterVariant>;
  for (const target of POSTER_WIDTHS) {
    const { data, info } = await sharp(bytes, reading)
      .resize({ width: target, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true })
      .catch((error: unknown) => {
        throw unusable(error);
      });
    variants[target] = { width: info.width, height: info.height, webp: data };
  }
  return { width, height, variants };
}

async function uprightSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  const metadata = await sharp(bytes, reading)
    .metadata()
    .catch((error: unknown) => {
      throw unusable(error);
    });
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) {
    throw new UnusablePosterImage('The body is not a JPEG, PNG or WebP picture.');
  }
  if (metadata.width * metadata.height > MAX_POSTER_PIXELS) {
    throw new UnusablePosterImage(
      `The picture has more than ${MAX_POSTER_PIXELS.toLocaleString('en')} pixels.`,
    );
  }
  // The size once turned upright by its EXIF orientation (a quarter turn swaps the sides).
  return metadata.autoOrient;
}

const unusable = (error: unknown): UnusablePosterImage =>
  new UnusablePosterImage(
    /pixel limit/i.test(String(error))
      ? `The picture has more than ${MAX_POSTER_PIXELS.toLocaleString('en')} pixels.`
      : 'The body is not a readable JPEG, PNG or WebP picture.',
  );
