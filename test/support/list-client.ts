import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import request from 'supertest';
import { bearer, type TestUser } from './auth.js';
import { untilReached, type FilmReference } from './member-client.js';

export const API = '/api/v1';

export interface ListProgressBody {
  checked: number;
  total: number;
  percent: number;
  award: 'bronze' | 'silver' | 'gold' | 'platinum' | null;
}

export interface ListItemBody {
  rank?: number;
  film: { id: string; slug: string; title: string; year: number | null };
  note?: string;
}

export interface ListSummaryBody {
  id: string;
  title: string;
  owner: { id: string; username: string };
  ranked: boolean;
  official: boolean;
  visibility: 'private' | 'friends' | 'public';
  size: number;
  progress?: ListProgressBody;
}

export interface ListBody extends ListSummaryBody {
  description: string | null;
  edition: number;
  items: ListItemBody[];
  nextCursor: string | null;
}

export interface FilmListsBody {
  currentCount: number;
  everCount: number;
  items: { list: { id: string; title: string; size: number; official: true }; rank: number | null }[];
}

export interface NewListBody {
  title?: unknown;
  description?: unknown;
  ranked?: unknown;
  visibility?: unknown;
  official?: unknown;
  [field: string]: unknown;
}

const idOf = (film: FilmReference): string => (typeof film === 'string' ? film : film.id);

/**
 * Lists, checks and follows over HTTP. Every write's position is kept, so a read can ask for a
 * view that includes all the writes made so far (X-Consistent-With).
 */
export class ListClient {
  private readonly server: ReturnType<INestApplication['getHttpServer']>;
  private readonly store: EventStore;
  private newest: string;

  constructor(app: INestApplication) {
    this.server = app.getHttpServer();
    this.store = app.get<EventStore>(EVENT_STORE);
    this.newest = this.store.origin;
  }

  /** Any call; a 2xx answer's position is noted. */
  async call(
    user: TestUser | undefined,
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    body?: object,
  ): Promise<request.Response> {
    let call = request(this.server)[method](`${API}${path}`).set('X-Consistent-With', this.newest);
    if (user) call = call.set('Authorization', bearer(user));
    const response = await (body === undefined ? call : call.send(body));
    const position = (response.body as { position?: unknown }).position;
    if (
      response.status < 300 &&
      typeof position === 'string' &&
      this.store.comparePositions(position, this.newest) > 0
    )
      this.newest = position;
    return response;
  }

  /** Makes a list and answers its id. */
  async create(user: TestUser, body: NewListBody): Promise<string> {
    const response = await this.call(user, 'post', '/lists', { ranked: true, visibility: 'public', ...body });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  put(user: TestUser, listId: string, film: FilmReference, body: object = {}): Promise<request.Response> {
    return this.call(user, 'put', `/lists/${listId}/items/${idOf(film)}`, body);
  }

  remove(user: TestUser, listId: string, film: FilmReference): Promise<request.Response> {
    return this.call(user, 'delete', `/lists/${listId}/items/${idOf(film)}`);
  }

  /** Adds films in order, each at the end. */
  async fill(user: TestUser, listId: string, films: readonly FilmReference[]): Promise<void> {
    for (const film of films) expect((await this.put(user, listId, film)).status).toBe(200);
  }

  edition(user: TestUser, listId: string, films: readonly FilmReference[]): Promise<request.Response> {
    return this.call(user, 'put', `/lists/${listId}/edition`, { films: films.map(idOf) });
  }

  async check(user: TestUser, film: FilmReference, verb: 'put' | 'delete' = 'put'): Promise<void> {
    expect((await this.call(user, verb, `/films/${idOf(film)}/check`)).status).toBe(200);
  }

  async follow(follower: TestUser, followee: TestUser): Promise<void> {
    expect((await this.call(follower, 'put', `/users/${followee.username}/follow`)).status).toBe(200);
  }

  /** A read that includes every write so far, asserted 200. */
  async read<Body>(
    path: string,
    reader?: TestUser,
    query: Record<string, string | number> = {},
  ): Promise<Body> {
    const response = await untilReached(() => {
      const call = request(this.server)
        .get(`${API}${path}`)
        .query(query)
        .set('X-Consistent-With', this.newest);
      return reader ? call.set('Authorization', bearer(reader)) : call;
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-consistency']).toBe('reached');
    return response.body as Body;
  }

  list(listId: string, reader?: TestUser, query: Record<string, string | number> = {}): Promise<ListBody> {
    return this.read<ListBody>(`/lists/${listId}`, reader, query);
  }

  /** The films of a list in rank order (the first 100). */
  async filmsOf(listId: string, reader?: TestUser): Promise<string[]> {
    return (await this.list(listId, reader, { limit: 100 })).items.map((item) => item.film.id);
  }
}
