import type { RunningApp } from '../catalogue/search-load.js';
import { drive, type LoadFigures } from '../film-log/http-load.js';
import { driveReads, type LoadTiming, type ReadFigures, type ReadTarget } from '../social/loads.js';
import type { Reader } from '../social/members.js';
import { SeededRandom } from '../../src/common/seeded-random.js';

export interface PostFigures {
  readonly load: LoadFigures;
  /** Comments the service answered 201 for. */
  readonly created: number;
}

/**
 * POST /films/{id}/comments: each request from the next poster in turn on a random film, with a
 * body of 20 to 400 characters, as people write them.
 */
export async function drivePosts(
  app: RunningApp,
  posters: readonly Reader[],
  filmIds: readonly string[],
  timing: LoadTiming,
): Promise<PostFigures> {
  const random = new SeededRandom(7);
  let next = 0;
  let created = 0;
  const setup = (request: Parameters<Parameters<typeof drive>[3]>[0]) => {
    const poster = posters[next++ % posters.length]!;
    const body = `Seen at the festival. ${'Worth it. '.repeat(random.int(0, 38))}`.trim();
    return {
      ...request,
      method: 'POST' as const,
      path: `/api/v1/films/${random.pick(filmIds)}/comments`,
      headers: {
        ...request.headers,
        authorization: `Bearer ${poster.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ body }),
    };
  };
  if (timing.warmUpSeconds > 0) await drive(app, timing.connections, timing.warmUpSeconds, setup);
  const load = await drive(app, timing.connections, timing.seconds, setup, (status) => {
    if (status === 201) created += 1;
  });
  return { load, created };
}

async function page(app: RunningApp, path: string, token: string, cursor: string | null) {
  const separator = path.includes('?') ? '&' : '?';
  const query = cursor === null ? '' : `${separator}cursor=${encodeURIComponent(cursor)}`;
  const response = await fetch(`${app.baseUrl}${path}${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200)
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { items: unknown[]; nextCursor: string | null };
}

/** The open queue's third page: nextCursor of the first page, then of the second. */
export async function thirdQueuePage(app: RunningApp, moderator: Reader): Promise<string> {
  const path = '/api/v1/moderation/queue?status=open';
  const first = await page(app, path, moderator.token, null);
  if (first.nextCursor === null) throw new Error('The open queue ends before its second page');
  const second = await page(app, path, moderator.token, first.nextCursor);
  if (second.nextCursor === null) throw new Error('The open queue ends before its third page');
  return `${path}&cursor=${encodeURIComponent(second.nextCursor)}`;
}

export const driveQueue = (app: RunningApp, moderator: Reader, path: string, timing: LoadTiming) =>
  driveReads(app, [{ path, token: moderator.token }], timing);

/** GET /films/{id}/comments, the first page, as anyone reads a film page. */
export const driveFilmComments = (
  app: RunningApp,
  filmId: string,
  timing: LoadTiming,
): Promise<ReadFigures> =>
  driveReads(app, [{ path: `/api/v1/films/${filmId}/comments` } satisfies ReadTarget], timing);
