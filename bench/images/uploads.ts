import { performance } from 'node:perf_hooks';
import { posterImageOf } from '../../src/modules/catalog/posters/poster-image.js';
import type { Poster } from '../../src/modules/catalog/posters/poster.js';
import type { RunningApp } from '../catalogue/search-load.js';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import { benchPoster } from './pictures.js';

export interface UploadFigures {
  /** `PUT /films/{id}/poster`, the whole request: the resize, the files, the row. */
  readonly upload: LatencySummary;
  /** `posterImageOf` on the same bytes in the bench process: the three variants alone. */
  readonly bareResize: LatencySummary;
  readonly failures: number;
  /** Bytes of the uploaded JPEGs and of each served variant, over the measured posters. */
  readonly bytes: Readonly<Record<'original' | '150' | '300' | '600', ByteSizes>>;
}

export interface ByteSizes {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface UploadedPoster {
  readonly filmId: string;
  readonly poster: Poster;
}

const sizesOf = (values: readonly number[]): ByteSizes => ({
  mean: Math.round(values.reduce((sum, value) => sum + value, 0) / values.length),
  min: Math.min(...values),
  max: Math.max(...values),
});

/**
 * Each film's poster, one at a time, in turns: the upload through the service, then the bare
 * resize of the same bytes here, so a disturbance of the shared machine falls on both alike.
 * The first `warmUp` turns are not counted.
 */
export async function uploadPosters(
  app: RunningApp,
  token: string,
  filmIds: readonly string[],
  warmUp: number,
): Promise<{ figures: UploadFigures; uploaded: UploadedPoster[] }> {
  const upload: number[] = [];
  const bare: number[] = [];
  const bytes = {
    original: [] as number[],
    '150': [] as number[],
    '300': [] as number[],
    '600': [] as number[],
  };
  const uploaded: UploadedPoster[] = [];
  let failures = 0;
  for (const [index, filmId] of filmIds.entries()) {
    const picture = await benchPoster(index);
    const begin = performance.now();
    const response = await fetch(`${app.baseUrl}/api/v1/films/${filmId}/poster`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
      body: new Uint8Array(picture),
    });
    const body = (await response.json()) as { poster?: Poster };
    const uploadMs = performance.now() - begin;
    const bareBegin = performance.now();
    const image = await posterImageOf(picture);
    const bareMs = performance.now() - bareBegin;
    if (response.status !== 200 || !body.poster) {
      failures += 1;
      continue;
    }
    uploaded.push({ filmId, poster: body.poster });
    if (index < warmUp) continue;
    upload.push(uploadMs);
    bare.push(bareMs);
    bytes.original.push(picture.length);
    for (const width of ['150', '300', '600'] as const) bytes[width].push(image.variants[width].webp.length);
  }
  if (upload.length === 0) throw new Error(`no poster upload succeeded (${failures} failed)`);
  return {
    figures: {
      upload: summarizeLatencies(upload),
      bareResize: summarizeLatencies(bare),
      failures,
      bytes: {
        original: sizesOf(bytes.original),
        '150': sizesOf(bytes['150']),
        '300': sizesOf(bytes['300']),
        '600': sizesOf(bytes['600']),
      },
    },
    uploaded,
  };
}
