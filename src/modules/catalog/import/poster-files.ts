import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { IMAGE_BODY_LIMIT_BYTES } from '../../../platform/http/body-parsing.js';
import type { FilmPosters } from '../posters/film-posters.js';
import { UnusablePosterImage } from '../posters/poster-image.js';

/** Keeps a film's poster from what its entry's `poster` field says; the reason when it cannot. */
export interface PosterAttacher {
  attach(filmId: string, poster: string): Promise<string | null>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Posters named by path, relative to the imported file's folder, kept through FilmPosters as an
 * admin's upload is (the same formats, size and pixel limits). A file that is missing, unreadable
 * or no poster is a reason for that film; anything else (the database gone) is thrown.
 */
export class PosterFiles implements PosterAttacher {
  constructor(
    private readonly folder: string,
    private readonly posters: Pick<FilmPosters, 'put'>,
  ) {}

  async attach(filmId: string, poster: string): Promise<string | null> {
    if (path.isAbsolute(poster)) return `${poster} is not relative to the imported file's folder`;
    const bytes = await this.read(path.resolve(this.folder, poster));
    if (typeof bytes === 'string') return `${poster}: ${bytes}`;
    // The header alone, whatever size it claims: FilmPosters refuses too many pixels, saying so.
    const format = await sharp(bytes, { limitInputPixels: false })
      .metadata()
      .then((metadata) => metadata.format as string | undefined)
      .catch(() => undefined);
    const contentType = format === undefined ? undefined : CONTENT_TYPES[format];
    if (contentType === undefined) return `${poster}: not a JPEG, PNG or WebP picture`;
    try {
      await this.posters.put(filmId, bytes, contentType);
      return null;
    } catch (error) {
      if (error instanceof UnusablePosterImage) return `${poster}: ${error.message}`;
      throw error;
    }
  }

  /** The file's bytes, or why there are none. */
  private async read(file: string): Promise<Buffer | string> {
    try {
      const { size, isFile } = await stat(file).then((stats) => ({
        size: stats.size,
        isFile: stats.isFile(),
      }));
      if (!isFile) return 'not a file';
      if (size > IMAGE_BODY_LIMIT_BYTES) return `over ${megabytes(IMAGE_BODY_LIMIT_BYTES)}`;
      return await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
      if (typeof code === 'string') return `cannot be read (${code})`;
      throw error;
    }
  }
}
