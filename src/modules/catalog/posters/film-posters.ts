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
 * at them. Files no row points at any more are removed in the same transaction.
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
    for (const width of POSTER_WIDTHS) {
      variantKeys[String(width)] = `posters/${hashOf(image.variants[width].webp)}.webp`;
    }
    const row = {
      width: image.width,
      height: image.height,
      original_key: originalKey,
      variant_keys: variantKeys,
    };
    await this.inPosterTransaction(async (client) => {
      // Kept under the lock: a removal elsewhere cannot take a file this row is about to name.
      await this.store.put(originalKey, bytes);
      for (const width of POSTER_WIDTHS) {
        await this.store.put(variantKeys[String(width)]!, image.variants[width].webp);
      }
      const before = await rowOf(client, filmId);
      await client.query(
        `INSERT INTO film_posters (film_id, width, height, original_key, variant_keys)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (film_id) DO UPDATE SET width = EXCLUDED.width, height = EXCLUDED.height,
           original_key = EXCLUDED.original_key, variant_keys = EXCLUDED.variant_keys, updated_at = now()`,
        [filmId, image.width, image.height, originalKey, JSON.stringify(variantKeys)],
      );
      if (before) await this.removeUnused(client, before);
    });
    return posterOf(row);
  }

  /** True when the film had a poster. */
  async delete(filmReference: string): Promise<boolean> {
    const filmId = await this.films.idOf(filmReference);
    return this.inPosterTransaction(async (client) => {
      const { rows } = await client.query<PosterRow>(
        `DELETE FROM film_posters WHERE film_id = $1 RETURNING width, height, original_key, variant_keys`,
        [filmId],
      );
      if (rows[0]) await this.removeUnused(client, rows[0]);
      return rows.length > 0;
    });
  }

  /** The file kept under a served key (`posters/<hash>.webp`); null when there is none. */
  image(key: string): Promise<Buffer | null> {
    return this.store.get(key);
  }

  /** Whether a file is kept under a served key. */
  hasImage(key: string): Promise<boolean> {
    return this.store.has(key);
  }

  /**
   * Poster writes one at a time: a file is deleted only when no row names it, and no other write
   * can add a row naming it between that check and the deletion (the same picture on two films).
   */
  private async inPosterTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('film_posters'))`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The old row's files that no poster names any more (the new row is written already). */
  private async removeUnused(client: pg.PoolClient, old: PosterRow): Promise<void> {
    const keys = [old.original_key, ...Object.values(old.variant_keys)];
    const { rows } = await client.query<{ key: string }>(
      `SELECT key FROM film_posters, LATERAL (
         SELECT original_key AS key UNION ALL SELECT value FROM jsonb_each_text(variant_keys)
       ) AS used WHERE key = ANY($1::text[])`,
      [keys],
    );
    const used = new Set(rows.map((row) => row.key));
    for (const key of keys) if (!used.has(key)) await this.store.delete(key);
  }
}

const rowOf = async (client: pg.PoolClient, filmId: string): Promise<PosterRow | undefined> =>
  (
    await client.query<PosterRow>(
      `SELECT width, height, original_key, variant_keys FROM film_posters WHERE film_id = $1`,
      [filmId],
    )
  ).rows[0];
