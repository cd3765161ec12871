import { ApiProperty } from '@nestjs/swagger';
import { POSTER_WIDTHS } from './poster-image.js';

/** A film's poster as film shapes carry it: its size and a URL per served width. */
export interface Poster {
  readonly width: number;
  readonly height: number;
  readonly sizes: Readonly<Record<'150' | '300' | '600', string>>;
}

/** Where `GET /images/…` serves a kept file. */
export const IMAGES_PATH = '/images';

export const imageUrl = (key: string): string => `${IMAGES_PATH}/${key}`;

/** What `film_posters` says of a poster that the film shape shows. */
export interface PosterColumns {
  readonly width: number;
  readonly height: number;
  readonly variant_keys: Readonly<Record<string, string>>;
}

/** The film shape's `poster` from the stored row's columns. */
export function posterOf(row: PosterColumns): Poster {
  const sizes = Object.fromEntries(
    POSTER_WIDTHS.map((width) => [String(width), imageUrl(row.variant_keys[String(width)]!)]),
  ) as unknown as Poster['sizes'];
  return { width: row.width, height: row.height, sizes };
}

class PosterSizesResponse {
  @ApiProperty({ example: '/images/posters/3f1c9a0b5e2d47a8b1c2d3e4f5a6b7c8.webp' }) '150'!: string;
  @ApiProperty() '300'!: string;
  @ApiProperty() '600'!: string;
}

export class PosterResponse implements Poster {
  @ApiProperty({ example: 1000, description: 'The upright picture’s width in pixels' }) width!: number;
  @ApiProperty({ example: 1500 }) height!: number;
  @ApiProperty({
    type: PosterSizesResponse,
    description: 'WebP variants by width (never wider than the original); immutable URLs',
  })
  sizes!: PosterSizesResponse;
}

export class PosterPutResponse {
  @ApiProperty({ type: PosterResponse }) poster!: PosterResponse;
}
