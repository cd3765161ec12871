import pg from 'pg';
import type { RunningApp } from '../catalogue/search-load.js';

export interface FilmPageFigures {
  readonly slug: string;
  readonly status: number;
  /** The HTML as sent (no compression asked for). */
  readonly bytes: number;
  /** How many of the poster's variant URLs the page names. */
  readonly posterUrls: number;
}

export interface PageFigures {
  readonly withPoster: FilmPageFigures;
  readonly withoutPoster: FilmPageFigures;
}

async function slugOf(url: string, filmId: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>('SELECT slug FROM films WHERE id = $1', [filmId]);
    return rows[0]!.slug;
  } finally {
    await client.end();
  }
}

async function filmPage(
  app: RunningApp,
  slug: string,
  posterUrls: readonly string[],
): Promise<FilmPageFigures> {
  const response = await fetch(`${app.baseUrl}/film/${slug}`, { headers: { 'accept-encoding': 'identity' } });
  const html = await response.text();
  return {
    slug,
    status: response.status,
    bytes: Buffer.byteLength(html),
    posterUrls: posterUrls.filter((posterUrl) => html.includes(posterUrl)).length,
  };
}

/** The film page of a film with a poster and of one without, as a browser first loads them. */
export async function measurePages(
  app: RunningApp,
  url: string,
  withPoster: { readonly filmId: string; readonly urls: readonly string[] },
  withoutPosterFilmId: string,
): Promise<PageFigures> {
  return {
    withPoster: await filmPage(app, await slugOf(url, withPoster.filmId), withPoster.urls),
    withoutPoster: await filmPage(app, await slugOf(url, withoutPosterFilmId), withPoster.urls),
  };
}
