import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '../../../platform/database/database.module.js';
import { FilmReferences } from '../films/film-references.js';
import { IMAGE_STORE, type ImageStore } from './image-store.js';
import { POSTER_WIDTHS, posterImageOf } from './poster-image.js';
import { posterOf, type Poster } from './poster.js';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

interface PosterRow {
  readonly width: number;
  readonly height: number;
  readonly original_key: string;
  readonly variant_keys: Record<string, string>;
}

/**
 * Films' posters: an upload is made into its variants, every file is kept under a key made from
 * its content (so its URL never changes meaning and can be cached for good), then the row points
 * at them. Files no row points at any more are removed after the row changed.
 */
@Injectable()
export class FilmPosters {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    @Inject(IMAGE_STORE) private readonly store: ImageStore,
    private readonly films: FilmReferences,
  ) {}

  /** Throws UnusablePosterImage for a body that cannot be a poster; FilmNotFoundException. */
  async put(filmReference: string, bytes: Buffer, contentType: string): Promise<Poster> {
    const filmId = await this.films.idOf(filmReference);
    const image = await posterImageOf(bytes);
    const originalKey = `originals/${hashOf(bytes)}.${EXTENSIONS[contentType] ?? 'bin'}`;
    const variantKeys: Record<string, string> = {};
    await this.store.put(originalKey, bytes);
    for (const width of POSTER_WIDTHS) {
      const webp = image.variants[width].webp;
      variantKeys[String(width)] = `posters/${hashOf(webp)}.webp`;
      await this.store.put(variantKeys[String(width)]!, webp);
    }
    const before = await this.rowOf(filmId);
    await this.pool.query(
      `INSERT INTO film_posters (film_id, width, height, original_key, variant_keys)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (film_id) DO UPDATE SET width = EXCLUDED.width, height = EXCLUDED.height,
         original_key = EXCLUDED.original_key, variant_keys = EXCLUDED.variant_keys, updated_at = now()`,
      [filmId, image.width, image.height, originalKey, JSON.stringify(variantKeys)],
    );
    const row = {
      width: image.width,
      height: image.height,
      original_key: originalKey,
      variant_keys: variantKeys,
    };
    if (before) await this.removeUnused(before, row);
    return posterOf(row);
  }

  /** True when the film had a poster. */
  async delete(filmReference: string): Promise<boolean> {
    const filmId = await this.films.idOf(filmReference);
    const { rows } = await this.pool.query<PosterRow>(
      `DELETE FROM film_posters WHERE film_id = $1 RETURNING width, height, original_key, variant_keys`,
      [filmId],
    );
    if (rows[0]) await this.removeUnused(rows[0], null);
    return rows.length > 0;
  }

  /** The file kept under a served key (`posters/<hash>.webp`); null when there is none. */
  image(key: string): Promise<Buffer | null> {
    return this.store.get(key);
  }

  private async rowOf(filmId: string): Promise<PosterRow | undefined> {
    const { rows } = await this.pool.query<PosterRow>(
      `SELECT width, height, original_key, variant_keys FROM film_posters WHERE film_id = $1`,
      [filmId],
    );
    return rows[0];
  }

  /** The old row's files that neither the new row nor another film's poster uses (the same picture twice). */
  private async removeUnused(old: PosterRow, kept: PosterRow | null): Promise<void> {
    const keys = [old.original_key, ...Object.values(old.variant_keys)];
    const keep = new Set(kept ? [kept.original_key, ...Object.values(kept.variant_keys)] : []);
    const { rows } = await this.pool.query<{ key: string }>(
      `SELECT key FROM film_posters, LATERAL (
         SELECT original_key AS key UNION ALL SELECT value FROM jsonb_each_text(variant_keys)
       ) AS used WHERE key = ANY($1::text[])`,
      [keys],
    );
    for (const { key } of rows) keep.add(key);
    for (const key of keys) if (!keep.has(key)) await this.store.delete(key);
  }
}
