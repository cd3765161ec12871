import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import request from 'supertest';
import { bearer, registerUser, type TestUser } from './auth.js';
import { startTestApp, type TestApp } from './test-app.js';

export type Mark = 'check' | 'favourite' | 'dislike' | 'watchlist' | 'rating';

export interface FilmState {
  checked: boolean;
  checkedAt: string | null;
  watchedOn: string | null;
  favourite: boolean;
  disliked: boolean;
  watchlisted: boolean;
  rating: number | null;
  viewings: number;
}

/** The answer to a mark put up or taken back. */
export interface MarkBody {
  state: FilmState;
  position: string;
}

/** The answer to a follow or an unfollow. */
export interface FollowBody {
  following: boolean;
  position: string;
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** A film's id or slug, or the film itself. */
export type FilmReference = string | { readonly id: string };

/**
 * A read sent with X-Consistent-With, sent again while it answers `stale`: the service waits 2 s
 * for its projections, and a machine running several suites at once can take longer. A read that
 * never reaches the position still fails, after the last attempt.
 */
export async function untilReached(send: () => request.Test, attempts = 5): Promise<request.Response> {
  let response = await send();
  for (let attempt = 1; attempt < attempts && response.headers['x-consistency'] === 'stale'; attempt += 1) {
    response = await send();
  }
  return response;
}

/** The app for suites where many members sign up from one address. */
export const startCrowdedApp = (): Promise<TestApp> =>
  startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });

/**
 * Members marking films and following each other over HTTP. It keeps the latest position any
 * write answered, so that `read` can ask for a view that includes every write made so far.
 */
export class MemberClient {
  private readonly server: ReturnType<INestApplication['getHttpServer']>;
  private readonly store: EventStore;
  private newest: string;

  constructor(private readonly app: INestApplication) {
    this.server = app.getHttpServer();
    this.store = app.get<EventStore>(EVENT_STORE);
    this.newest = this.store.origin;
  }

  /** The latest position any write through this client answered. */
  get latest(): string {
    return this.newest;
  }

  members(count: number): Promise<TestUser[]> {
    return Promise.all(Array.from({ length: count }, () => registerUser(this.app)));
  }

  async mark(
    user: TestUser,
    verb: 'put' | 'delete',
    what: Mark,
    film: FilmReference,
    body?: object,
  ): Promise<MarkBody> {
    const reference = typeof film === 'string' ? film : film.id;
    const call = request(this.server)
      [verb](`/api/v1/films/${reference}/${what}`)
      .set('Authorization', bearer(user));
    return this.written<MarkBody>(await (body ? call.send(body) : call));
  }

  async follow(follower: TestUser, username: string, verb: 'put' | 'delete' = 'put'): Promise<FollowBody> {
    const response = await request(this.server)
      [verb](`/api/v1/users/${username}/follow`)
      .set('Authorization', bearer(follower));
    return this.written<FollowBody>(response);
  }

  /** Any write by `user` that answers `status` and a position, which later reads then include. */
  async write<Body extends { position: string }>(
    user: TestUser,
    method: 'post' | 'put' | 'patch' | 'delete',
    path: string,
    body?: object,
    status = 200,
  ): Promise<Body> {
    const call = request(this.server)[method](`/api/v1${path}`).set('Authorization', bearer(user));
    return this.written<Body>(await (body ? call.send(body) : call), status);
  }

  /** A read, signed in as `reader` if given, that includes every write made so far. */
  async read<Body>(
    path: string,
    query: Record<string, string | number> = {},
    reader?: TestUser,
  ): Promise<Body> {
    const response = await untilReached(() => {
      const call = request(this.server)
        .get(`/api/v1${path}`)
        .query(query)
        .set('X-Consistent-With', this.newest);
      return reader ? call.set('Authorization', bearer(reader)) : call;
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-consistency']).toBe('reached');
    return response.body as Body;
  }

  /** Everything on a stream, oldest first. */
  async events(stream: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream)) events.push(event);
    return events;
  }

  private written<Body extends { position: string }>(response: request.Response, status = 200): Body {
    expect(response.status).toBe(status);
    const body = response.body as Body;
    if (this.store.comparePositions(body.position, this.newest) > 0) this.newest = body.position;
    return body;
  }
}
