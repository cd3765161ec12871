import type autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import type { RunningApp } from '../catalogue/search-load.js';
import { drive, type LoadFigures } from '../film-log/http-load.js';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import type { Reader } from './members.js';

export interface LoadTiming {
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly seconds: number;
  /** Then one request at a time: each one's own time, without waiting behind the others. */
  readonly aloneSeconds: number;
}

/** Requests one after the other, timed to the microsecond (autocannon's are whole milliseconds). */
export interface AloneFigures {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly non2xx: number;
  readonly latency: LatencySummary;
}

export interface ReadFigures {
  readonly loaded: LoadFigures;
  readonly alone: AloneFigures;
}

/** A reader and the path it asks for. */
export interface ReadTarget {
  readonly path: string;
  readonly token?: string;
}

/** Every request takes the next target of the list, so the readers' tokens rotate. */
export async function driveReads(
  app: RunningApp,
  targets: readonly ReadTarget[],
  timing: LoadTiming,
): Promise<ReadFigures> {
  let next = 0;
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    const target = targets[next++ % targets.length]!;
    return {
      ...request,
      method: 'GET',
      path: target.path,
      headers: {
        ...request.headers,
        ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
      },
    };
  };
  if (timing.warmUpSeconds > 0) await drive(app, timing.connections, timing.warmUpSeconds, setupRequest);
  const loaded = await drive(app, timing.connections, timing.seconds, setupRequest);
  return { loaded, alone: await alone(app, targets, timing.aloneSeconds) };
}

async function alone(
  app: RunningApp,
  targets: readonly ReadTarget[],
  seconds: number,
): Promise<AloneFigures> {
  const latencies: number[] = [];
  let non2xx = 0;
  const begin = performance.now();
  while (performance.now() - begin < seconds * 1_000) {
    const target = targets[latencies.length % targets.length]!;
    const sent = performance.now();
    const response = await fetch(`${app.baseUrl}${target.path}`, {
      headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - sent);
    if (!response.ok) non2xx += 1;
  }
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / ((performance.now() - begin) / 1_000),
    non2xx,
    latency: summarizeLatencies(latencies),
  };
}

async function nextCursor(app: RunningApp, reader: Reader, cursor: string | null): Promise<string> {
  const query = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
  const response = await fetch(`${app.baseUrl}/api/v1/feed${query}`, {
    headers: { authorization: `Bearer ${reader.token}` },
  });
  if (response.status !== 200) {
    throw new Error(`GET /feed for ${reader.username} answered ${response.status}: ${await response.text()}`);
  }
  const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
  if (page.nextCursor === null) throw new Error(`${reader.username}'s feed ends before its third page`);
  return page.nextCursor;
}

/** Each reader's cursor to the third page of their feed: nextCursor of the first page, then of the second. */
export async function thirdPageCursors(app: RunningApp, readers: readonly Reader[]): Promise<string[]> {
  const cursors: string[] = [];
  for (const reader of readers)
    cursors.push(await nextCursor(app, reader, await nextCursor(app, reader, null)));
  return cursors;
}

/** GET /health: no token, no database; what any request costs here, the floor under the others. */
export const driveHealth = (app: RunningApp, timing: LoadTiming) =>
  driveReads(app, [{ path: '/health' }], timing);

/** GET /feed, the first page (default limit, 20), the readers in turn. */
export const driveFeed = (app: RunningApp, readers: readonly Reader[], timing: LoadTiming) =>
  driveReads(
    app,
    readers.map((reader) => ({ path: '/api/v1/feed', token: reader.token })),
    timing,
  );

/** GET /feed?cursor=…, each reader's third page. */
export const driveFeedThirdPage = (
  app: RunningApp,
  readers: readonly Reader[],
  cursors: readonly string[],
  timing: LoadTiming,
) =>
  driveReads(
    app,
    readers.map((reader, index) => ({
      path: `/api/v1/feed?cursor=${encodeURIComponent(cursors[index]!)}`,
      token: reader.token,
    })),
    timing,
  );

/** GET /films/{id}/activity, public, the first page. */
export const driveFilmActivity = (app: RunningApp, filmId: string, timing: LoadTiming) =>
  driveReads(app, [{ path: `/api/v1/films/${filmId}/activity` }], timing);

/** GET /films/{id}/friends, the readers in turn. */
export const driveFriends = (
  app: RunningApp,
  readers: readonly Reader[],
  filmId: string,
  timing: LoadTiming,
) =>
  driveReads(
    app,
    readers.map((reader) => ({ path: `/api/v1/films/${filmId}/friends`, token: reader.token })),
    timing,
  );

/**
 * GET /films/popular, anonymous: this week (the default), this month, all time, and this week of
 * one genre and decade, in turn: the window sums and the totals' index alike.
 */
export const drivePopular = (app: RunningApp, timing: LoadTiming) =>
  driveReads(
    app,
    [
      '/api/v1/films/popular',
      '/api/v1/films/popular?period=month',
      '/api/v1/films/popular?period=all',
      '/api/v1/films/popular?genre=drama&decade=1990',
    ].map((path) => ({ path })),
    timing,
  );

/** GET /, a visitor's home page: popular films, official lists, festivals and recent activity. */
export const driveHome = (app: RunningApp, timing: LoadTiming) => driveReads(app, [{ path: '/' }], timing);
